DROP INDEX `verdicts_scope_provenance_epoch_idx`;--> statement-breakpoint
CREATE INDEX `verdicts_scope_provenance_epoch_cells_idx` ON `verdicts` (`scope`,`provenance_key`,`epoch`,`passed`,`decision_type`);--> statement-breakpoint
CREATE INDEX `verdicts_scope_provenance_decided_idx` ON `verdicts` (`scope`,`provenance_key`,`decided_at`);