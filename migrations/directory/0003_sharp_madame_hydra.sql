CREATE TABLE `file_usage` (
	`file_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`bytes` integer NOT NULL,
	`thumbnail_bytes` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`stored_at` integer
);
--> statement-breakpoint
CREATE INDEX `file_usage_user` ON `file_usage` (`user_id`);