CREATE TABLE `avatars` (
	`user_id` text PRIMARY KEY NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `instance_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text,
	`registration_mode` text,
	`updated_at` integer NOT NULL,
	CONSTRAINT "instance_settings_single_row" CHECK("instance_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `public_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Sessions that exist already get a random public id before the unique index is built (hand-added).
UPDATE `sessions` SET `public_id` = lower(hex(randomblob(10))) WHERE `public_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_public_id` ON `sessions` (`public_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `avatar_version` text;--> statement-breakpoint
ALTER TABLE `users` ADD `status_text` text;--> statement-breakpoint
ALTER TABLE `users` ADD `status_emoji` text;--> statement-breakpoint
ALTER TABLE `users` ADD `status_expires_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `name_color` text;