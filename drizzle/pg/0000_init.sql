CREATE TABLE "agreement_counters" (
	"scope" text NOT NULL,
	"provenance_key" text NOT NULL,
	"epoch" integer NOT NULL,
	"pass_approve" integer DEFAULT 0 NOT NULL,
	"pass_edit" integer DEFAULT 0 NOT NULL,
	"pass_reject" integer DEFAULT 0 NOT NULL,
	"fail_approve" integer DEFAULT 0 NOT NULL,
	"fail_edit" integer DEFAULT 0 NOT NULL,
	"fail_reject" integer DEFAULT 0 NOT NULL,
	"passes_at_last_reject" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agreement_counters_scope_provenance_key_epoch_pk" PRIMARY KEY("scope","provenance_key","epoch")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" integer PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"kind" text NOT NULL,
	"scope" text,
	"actor" text NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence" (
	"scope" text PRIMARY KEY NOT NULL,
	"strength" double precision NOT NULL,
	"updates" integer NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence_events" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competence_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope" text NOT NULL,
	"verdict_id" text NOT NULL,
	"decision" text NOT NULL,
	"signal" integer NOT NULL,
	"difficulty" double precision NOT NULL,
	"before" double precision NOT NULL,
	"after" double precision NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"rowid" bigint GENERATED ALWAYS AS IDENTITY (sequence name "escalations_rowid_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" text PRIMARY KEY NOT NULL,
	"verdict_id" text NOT NULL,
	"scope" text NOT NULL,
	"thread_id" text NOT NULL,
	"queue" text NOT NULL,
	"priority" text NOT NULL,
	"codes" jsonb NOT NULL,
	"package" jsonb NOT NULL,
	"status" text NOT NULL,
	"appropriate" boolean,
	"sufficient" boolean,
	"resolution" jsonb,
	"created_at" text NOT NULL,
	"resolved_at" text
);
--> statement-breakpoint
CREATE TABLE "post_hoc_reviews" (
	"verdict_id" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"finding" text NOT NULL,
	"note" text,
	"by" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scope_ceilings" (
	"scope" text PRIMARY KEY NOT NULL,
	"ceiling" text NOT NULL,
	"actor" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scopes" (
	"scope" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"breaker" text NOT NULL,
	"breaker_reason" text,
	"epoch" integer NOT NULL,
	"policy" jsonb,
	"policy_version" integer NOT NULL,
	"provenance_key" text,
	"revived_agree" integer,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verdicts" (
	"rowid" bigint GENERATED ALWAYS AS IDENTITY (sequence name "verdicts_rowid_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"thread_id" text NOT NULL,
	"draft_hash" text NOT NULL,
	"provenance_key" text NOT NULL,
	"epoch" integer NOT NULL,
	"passed" boolean NOT NULL,
	"composite" double precision,
	"mode" text NOT NULL,
	"route" text NOT NULL,
	"audit_sampled" boolean NOT NULL,
	"blind" boolean DEFAULT false NOT NULL,
	"levels" jsonb NOT NULL,
	"violations" jsonb NOT NULL,
	"unscored" jsonb NOT NULL,
	"provenance" jsonb NOT NULL,
	"eligibility" jsonb,
	"escalation" jsonb NOT NULL,
	"rationale" text NOT NULL,
	"policy_version" integer,
	"created_at" text NOT NULL,
	"decision_type" text,
	"decision" jsonb,
	"decided_at" text,
	"decision_policy_version" integer,
	"post_hoc_sampled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_scope_seq_idx" ON "audit_log" USING btree ("scope","seq");--> statement-breakpoint
CREATE INDEX "competence_events_scope_seq_idx" ON "competence_events" USING btree ("scope","seq");--> statement-breakpoint
CREATE INDEX "competence_events_verdict_seq_idx" ON "competence_events" USING btree ("verdict_id","seq");--> statement-breakpoint
CREATE INDEX "escalations_scope_created_idx" ON "escalations" USING btree ("scope","created_at");--> statement-breakpoint
CREATE INDEX "escalations_status_created_idx" ON "escalations" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "post_hoc_reviews_scope_at_idx" ON "post_hoc_reviews" USING btree ("scope","at");--> statement-breakpoint
CREATE INDEX "verdicts_scope_thread_created_idx" ON "verdicts" USING btree ("scope","thread_id","created_at");--> statement-breakpoint
CREATE INDEX "verdicts_scope_created_idx" ON "verdicts" USING btree ("scope","created_at");--> statement-breakpoint
CREATE INDEX "verdicts_scope_mode_epoch_decided_idx" ON "verdicts" USING btree ("scope","mode","epoch","decided_at");--> statement-breakpoint
CREATE INDEX "verdicts_scope_provenance_epoch_cells_idx" ON "verdicts" USING btree ("scope","provenance_key","epoch","passed","decision_type");--> statement-breakpoint
CREATE INDEX "verdicts_scope_provenance_decided_idx" ON "verdicts" USING btree ("scope","provenance_key","decided_at");--> statement-breakpoint
CREATE INDEX "verdicts_scope_route_decision_idx" ON "verdicts" USING btree ("scope","route","decision_type");--> statement-breakpoint
CREATE INDEX "verdicts_post_hoc_idx" ON "verdicts" USING btree ("post_hoc_sampled","scope","created_at");--> statement-breakpoint
CREATE INDEX "verdicts_rowid_idx" ON "verdicts" USING btree ("rowid");