ALTER TABLE `messages` ADD `has_link` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `messages_created_at` ON `messages` (`created_at`);--> statement-breakpoint
CREATE INDEX `messages_author_seq` ON `messages` (`author_id`,`seq`);--> statement-breakpoint
CREATE INDEX `messages_pinned` ON `messages` (`seq`) WHERE "messages"."pinned_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `messages_has_link` ON `messages` (`seq`) WHERE "messages"."has_link" = 1;