CREATE TABLE `diagrams` (
	`key` text PRIMARY KEY NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer NOT NULL,
	`svg` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `diagrams_used_at` ON `diagrams` (`used_at`);--> statement-breakpoint
CREATE TABLE `render_budgets` (
	`user_id` text PRIMARY KEY NOT NULL,
	`window_started_at` integer NOT NULL,
	`renders` integer NOT NULL
);
