CREATE TABLE `post_hoc_reviews` (
	`verdict_id` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`finding` text NOT NULL,
	`note` text,
	`by` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `post_hoc_reviews_scope_at_idx` ON `post_hoc_reviews` (`scope`,`at`);--> statement-breakpoint
ALTER TABLE `verdicts` ADD `post_hoc_sampled` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `verdicts_post_hoc_idx` ON `verdicts` (`post_hoc_sampled`,`scope`,`created_at`);