CREATE TABLE `agreement_counters` (
	`scope` text NOT NULL,
	`provenance_key` text NOT NULL,
	`epoch` integer NOT NULL,
	`pass_approve` integer DEFAULT 0 NOT NULL,
	`pass_edit` integer DEFAULT 0 NOT NULL,
	`pass_reject` integer DEFAULT 0 NOT NULL,
	`fail_approve` integer DEFAULT 0 NOT NULL,
	`fail_edit` integer DEFAULT 0 NOT NULL,
	`fail_reject` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scope`, `provenance_key`, `epoch`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`scope` text,
	`actor` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_scope_seq_idx` ON `audit_log` (`scope`,`seq`);--> statement-breakpoint
CREATE TABLE `scopes` (
	`scope` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`breaker` text NOT NULL,
	`breaker_reason` text,
	`epoch` integer NOT NULL,
	`policy` text,
	`policy_version` integer NOT NULL,
	`provenance_key` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verdicts` (
	`id` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`thread_id` text NOT NULL,
	`draft_hash` text NOT NULL,
	`provenance_key` text NOT NULL,
	`epoch` integer NOT NULL,
	`passed` integer NOT NULL,
	`composite` real,
	`mode` text NOT NULL,
	`route` text NOT NULL,
	`audit_sampled` integer NOT NULL,
	`levels` text NOT NULL,
	`violations` text NOT NULL,
	`unscored` text NOT NULL,
	`provenance` text NOT NULL,
	`eligibility` text,
	`escalation` text NOT NULL,
	`rationale` text NOT NULL,
	`policy_version` integer,
	`created_at` text NOT NULL,
	`decision_type` text,
	`decision` text,
	`decided_at` text
);
--> statement-breakpoint
CREATE INDEX `verdicts_scope_thread_created_idx` ON `verdicts` (`scope`,`thread_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `verdicts_scope_created_idx` ON `verdicts` (`scope`,`created_at`);--> statement-breakpoint
CREATE INDEX `verdicts_scope_mode_epoch_decided_idx` ON `verdicts` (`scope`,`mode`,`epoch`,`decided_at`);--> statement-breakpoint
CREATE INDEX `verdicts_scope_provenance_epoch_idx` ON `verdicts` (`scope`,`provenance_key`,`epoch`);