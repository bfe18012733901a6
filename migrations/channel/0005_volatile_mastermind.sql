CREATE TABLE `last_posts` (
	`user_id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `channel_info` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `channel_info` ADD `slow_mode_seconds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `system` text;