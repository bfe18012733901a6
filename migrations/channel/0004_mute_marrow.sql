CREATE TABLE `reactions` (
	`message_seq` integer NOT NULL,
	`emoji` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`message_seq`, `emoji`, `user_id`),
	FOREIGN KEY (`message_seq`) REFERENCES `messages`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `messages` ADD `thread_root` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `also_in_channel` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `reply_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `last_reply_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `thread_participants` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `mentions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `broadcasts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `messages_thread_root` ON `messages` (`thread_root`);