/**
 * The PostgreSQL schema: the same tables, columns and indexes as ../sqlite/schema.ts in the
 * PostgreSQL dialect (booleans, JSONB, double precision). drizzle-kit generates the checked-in
 * migrations in `drizzle/pg/` from the tables exported here; change both schemas together, then
 * run `npm run db:generate`.
 *
 * The tables live in PostgreSQL's default schema unless the store is given one (`schema:`), so
 * they can sit beside LangGraph's checkpoint tables in one database: `pgTables(name)` builds the
 * same tables inside that schema.
 *
 * Two differences, both invisible to the shared queries: `verdicts` and `escalations` carry their
 * insertion order as a `rowid` column (SQLite's rows have one hidden), and `audit_log.seq` is a
 * plain key (the chain assigns it).
 */
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgSchema, pgTable, primaryKey, text, type PgTableFn } from "drizzle-orm/pg-core";
import type { Decision, DecisionType, Eligibility, Level, LevelResult, Mode, Provenance, Route, Violation } from "../../types.js";
import type { AutonomyLevel } from "../../competence/levels.js";
import type { EscalationCode } from "../../escalation/codes.js";
import type { EscalationPriority } from "../../escalation/routing-rules.js";
import type { EscalationPackage, EscalationResolution, EscalationStatus } from "../../escalation/types.js";
import type { BreakerState, FlipPolicy } from "../scope-types.js";
import type { Tables } from "../tables.js";

/** The store's tables in PostgreSQL schema `schema` (its default schema when none is named). */
export function pgTables(schema?: string) {
  const table = (schema === undefined ? pgTable : pgSchema(schema).table) as PgTableFn;
  const verdicts = table(
    "verdicts",
    {
      rowid: bigint("rowid", { mode: "number" }).generatedAlwaysAsIdentity(),
      id: text("id").primaryKey(),
      scope: text("scope").notNull(),
      threadId: text("thread_id").notNull(),
      draftHash: text("draft_hash").notNull(),
      provenanceKey: text("provenance_key").notNull(),
      epoch: integer("epoch").notNull(),
      passed: boolean("passed").notNull(),
      composite: doublePrecision("composite"),
      mode: text("mode").$type<Mode>().notNull(),
      route: text("route").$type<Route>().notNull(),
      auditSampled: boolean("audit_sampled").notNull(),
      blind: boolean("blind").notNull().default(false),
      levels: jsonb("levels").$type<LevelResult[]>().notNull(),
      violations: jsonb("violations").$type<Violation[]>().notNull(),
      unscored: jsonb("unscored").$type<Level[]>().notNull(),
      provenance: jsonb("provenance").$type<Provenance>().notNull(),
      eligibility: jsonb("eligibility").$type<Eligibility>(),
      escalation: jsonb("escalation").$type<string[]>().notNull(),
      rationale: text("rationale").notNull(),
      policyVersion: integer("policy_version"),
      createdAt: text("created_at").notNull(),
      decisionType: text("decision_type").$type<DecisionType>(),
      decision: jsonb("decision").$type<Decision>(),
      decidedAt: text("decided_at"),
      decisionPolicyVersion: integer("decision_policy_version"),
      postHocSampled: boolean("post_hoc_sampled").notNull().default(false),
    },
    (t) => [
      index("verdicts_scope_thread_created_idx").on(t.scope, t.threadId, t.createdAt),
      index("verdicts_scope_created_idx").on(t.scope, t.createdAt),
      index("verdicts_scope_mode_epoch_decided_idx").on(t.scope, t.mode, t.epoch, t.decidedAt),
      index("verdicts_scope_provenance_epoch_cells_idx").on(t.scope, t.provenanceKey, t.epoch, t.passed, t.decisionType),
      index("verdicts_scope_provenance_decided_idx").on(t.scope, t.provenanceKey, t.decidedAt),
      index("verdicts_scope_route_decision_idx").on(t.scope, t.route, t.decisionType),
      index("verdicts_post_hoc_idx").on(t.postHocSampled, t.scope, t.createdAt),
      index("verdicts_rowid_idx").on(t.rowid),
    ],
  );
  const agreementCounters = table(
    "agreement_counters",
    {
      scope: text("scope").notNull(),
      provenanceKey: text("provenance_key").notNull(),
      epoch: integer("epoch").notNull(),
      passApprove: integer("pass_approve").notNull().default(0),
      passEdit: integer("pass_edit").notNull().default(0),
      passReject: integer("pass_reject").notNull().default(0),
      failApprove: integer("fail_approve").notNull().default(0),
      failEdit: integer("fail_edit").notNull().default(0),
      failReject: integer("fail_reject").notNull().default(0),
      passesAtLastReject: integer("passes_at_last_reject").notNull().default(0),
    },
    (t) => [primaryKey({ columns: [t.scope, t.provenanceKey, t.epoch] })],
  );
  const scopes = table("scopes", {
    scope: text("scope").primaryKey(),
    mode: text("mode").$type<Mode>().notNull(),
    breaker: text("breaker").$type<BreakerState>().notNull(),
    breakerReason: text("breaker_reason"),
    epoch: integer("epoch").notNull(),
    policy: jsonb("policy").$type<FlipPolicy>(),
    policyVersion: integer("policy_version").notNull(),
    provenanceKey: text("provenance_key"),
    revivedAgree: integer("revived_agree"),
    updatedAt: text("updated_at").notNull(),
  });
  const settings = table("settings", {
    key: text("key").primaryKey(),
    value: text("value").notNull(),
  });
  const auditLog = table(
    "audit_log",
    {
      seq: integer("seq").primaryKey(),
      at: text("at").notNull(),
      kind: text("kind").notNull(),
      scope: text("scope"),
      actor: text("actor").notNull(),
      payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
      prevHash: text("prev_hash").notNull(),
      hash: text("hash").notNull(),
    },
    (t) => [index("audit_log_scope_seq_idx").on(t.scope, t.seq)],
  );
  const competence = table("competence", {
    scope: text("scope").primaryKey(),
    strength: doublePrecision("strength").notNull(),
    updates: integer("updates").notNull(),
    updatedAt: text("updated_at").notNull(),
  });
  const competenceEvents = table(
    "competence_events",
    {
      seq: integer("seq").primaryKey().generatedAlwaysAsIdentity(),
      scope: text("scope").notNull(),
      verdictId: text("verdict_id").notNull(),
      decision: text("decision").$type<DecisionType>().notNull(),
      signal: integer("signal").notNull(),
      difficulty: doublePrecision("difficulty").notNull(),
      before: doublePrecision("before").notNull(),
      after: doublePrecision("after").notNull(),
      at: text("at").notNull(),
    },
    (t) => [
      index("competence_events_scope_seq_idx").on(t.scope, t.seq),
      index("competence_events_verdict_seq_idx").on(t.verdictId, t.seq),
    ],
  );
  const scopeCeilings = table("scope_ceilings", {
    scope: text("scope").primaryKey(),
    ceiling: text("ceiling").$type<AutonomyLevel>().notNull(),
    actor: text("actor").notNull(),
    updatedAt: text("updated_at").notNull(),
  });
  const escalations = table(
    "escalations",
    {
      rowid: bigint("rowid", { mode: "number" }).generatedAlwaysAsIdentity(),
      id: text("id").primaryKey(),
      verdictId: text("verdict_id").notNull(),
      scope: text("scope").notNull(),
      threadId: text("thread_id").notNull(),
      queue: text("queue").notNull(),
      priority: text("priority").$type<EscalationPriority>().notNull(),
      codes: jsonb("codes").$type<EscalationCode[]>().notNull(),
      package: jsonb("package").$type<EscalationPackage>().notNull(),
      status: text("status").$type<EscalationStatus>().notNull(),
      appropriate: boolean("appropriate"),
      sufficient: boolean("sufficient"),
      resolution: jsonb("resolution").$type<EscalationResolution>(),
      createdAt: text("created_at").notNull(),
      resolvedAt: text("resolved_at"),
    },
    (t) => [index("escalations_scope_created_idx").on(t.scope, t.createdAt), index("escalations_status_created_idx").on(t.status, t.createdAt)],
  );
  const postHocReviews = table(
    "post_hoc_reviews",
    {
      verdictId: text("verdict_id").primaryKey(),
      scope: text("scope").notNull(),
      finding: text("finding").$type<"ok" | "wrong">().notNull(),
      note: text("note"),
      by: text("by").notNull(),
      at: text("at").notNull(),
    },
    (t) => [index("post_hoc_reviews_scope_at_idx").on(t.scope, t.at)],
  );
  return { verdicts, agreementCounters, scopes, settings, auditLog, competence, competenceEvents, scopeCeilings, escalations, postHocReviews };
}

export type PgTables = ReturnType<typeof pgTables>;

/**
 * The shared queries are typed against the SQLite tables (../tables.ts). These PostgreSQL tables
 * stand in for them, which holds because each one reads rows of the same shape (plus `rowid`):
 * a column added to one schema and not the other fails to compile here.
 */
type SameRows<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RowsOf<T> = { [K in keyof T]: T[K] extends { $inferSelect: infer Row } ? Omit<Row, "rowid"> : never };
const rowsMatch: SameRows<RowsOf<PgTables>, RowsOf<Tables>> = true;
void rowsMatch;

/** The tables in the default schema, for drizzle-kit. */
export const { verdicts, agreementCounters, scopes, settings, auditLog, competence, competenceEvents, scopeCeilings, escalations, postHocReviews } = pgTables();
