CREATE TABLE `file_purges` (
	`file_id` text PRIMARY KEY NOT NULL,
	`storage_key` text NOT NULL,
	`has_thumbnail` integer NOT NULL,
	`queued_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`storage_key` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`uploader_id` text NOT NULL,
	`uploader_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`stored_at` integer,
	`message_seq` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`width` integer,
	`height` integer,
	`thumbnail_type` text,
	`thumbnail_width` integer,
	`thumbnail_height` integer,
	FOREIGN KEY (`message_seq`) REFERENCES `messages`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `files_message` ON `files` (`message_seq`,`position`);--> statement-breakpoint
CREATE INDEX `files_kind_message` ON `files` (`kind`,`message_seq`);