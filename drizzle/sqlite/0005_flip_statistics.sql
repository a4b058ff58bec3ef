ALTER TABLE `agreement_counters` ADD `passes_at_last_reject` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `scopes` ADD `revived_agree` integer;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `blind` integer DEFAULT false NOT NULL;