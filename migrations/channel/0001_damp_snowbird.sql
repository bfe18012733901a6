CREATE TABLE `message_edits` (
	`message_seq` integer NOT NULL,
	`edit_seq` integer NOT NULL,
	`body` text NOT NULL,
	`replaced_at` integer NOT NULL,
	PRIMARY KEY(`message_seq`, `edit_seq`),
	FOREIGN KEY (`message_seq`) REFERENCES `messages`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `messages` ADD `updated_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `messages_updated_seq` ON `messages` (`updated_seq`);--> statement-breakpoint
-- Messages posted before this migration were never changed: their last event is their own post.
UPDATE `messages` SET `updated_seq` = `seq`;