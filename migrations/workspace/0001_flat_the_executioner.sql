CREATE TABLE `mention_marks` (
	`user_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`user_id`, `channel_id`, `seq`),
	FOREIGN KEY (`channel_id`,`user_id`) REFERENCES `channel_members`(`channel_id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mention_marks_message` ON `mention_marks` (`channel_id`,`seq`);--> statement-breakpoint
CREATE TABLE `recorded_posts` (
	`channel_id` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`channel_id`, `seq`),
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `saved_messages` (
	`user_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`seq` integer NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `channel_id`, `seq`),
	FOREIGN KEY (`user_id`) REFERENCES `members`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `saved_messages_newest` ON `saved_messages` (`user_id`,`saved_at`);--> statement-breakpoint
ALTER TABLE `channel_members` ADD `read_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `channel_members` ADD `notification_level` text DEFAULT 'mentions' NOT NULL;--> statement-breakpoint
ALTER TABLE `channel_members` ADD `muted` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `last_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `last_post_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `last_post_at` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `status_override` text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `announced_presence` text DEFAULT 'offline' NOT NULL;