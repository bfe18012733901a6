CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`target_id` text,
	`target_name` text,
	`channel_id` text,
	`detail` text NOT NULL,
	`address` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_target` ON `audit_log` (`target_id`,`id`);--> statement-breakpoint
CREATE TABLE `bans` (
	`user_id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`banned_by` text NOT NULL,
	`banned_by_name` text NOT NULL,
	`banned_at` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE `channel_members` ADD `hidden` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `kind` text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `slow_mode_seconds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `dm_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `channels_dm_key` ON `channels` (`dm_key`);--> statement-breakpoint
ALTER TABLE `members` ADD `timed_out_until` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `avatar_version` text;--> statement-breakpoint
ALTER TABLE `members` ADD `status_text` text;--> statement-breakpoint
ALTER TABLE `members` ADD `status_emoji` text;--> statement-breakpoint
ALTER TABLE `members` ADD `status_expires_at` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `name_color` text;