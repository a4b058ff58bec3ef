CREATE TABLE `escalations` (
	`id` text PRIMARY KEY NOT NULL,
	`verdict_id` text NOT NULL,
	`scope` text NOT NULL,
	`thread_id` text NOT NULL,
	`queue` text NOT NULL,
	`priority` text NOT NULL,
	`codes` text NOT NULL,
	`package` text NOT NULL,
	`status` text NOT NULL,
	`appropriate` integer,
	`sufficient` integer,
	`resolution` text,
	`created_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `escalations_scope_created_idx` ON `escalations` (`scope`,`created_at`);--> statement-breakpoint
CREATE INDEX `escalations_status_created_idx` ON `escalations` (`status`,`created_at`);