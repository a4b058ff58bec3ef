CREATE TABLE `competence` (
	`scope` text PRIMARY KEY NOT NULL,
	`strength` real NOT NULL,
	`updates` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `competence_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`verdict_id` text NOT NULL,
	`decision` text NOT NULL,
	`signal` integer NOT NULL,
	`difficulty` real NOT NULL,
	`before` real NOT NULL,
	`after` real NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `competence_events_scope_seq_idx` ON `competence_events` (`scope`,`seq`);--> statement-breakpoint
CREATE INDEX `competence_events_verdict_seq_idx` ON `competence_events` (`verdict_id`,`seq`);--> statement-breakpoint
CREATE TABLE `scope_ceilings` (
	`scope` text PRIMARY KEY NOT NULL,
	`ceiling` text NOT NULL,
	`actor` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `verdicts` ADD `decision_policy_version` integer;