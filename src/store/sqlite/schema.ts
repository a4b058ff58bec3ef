/**
 * The database schema (DESIGN §8). drizzle-kit generates the checked-in migrations in `drizzle/`
 * from this file; change it, then run `npm run db:generate`.
 *
 * Verdict rows hold scores, codes and hashes only — never draft text (DESIGN §3.10).
 */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Decision, DecisionType, Eligibility, Level, LevelResult, Mode, Provenance, Route, Violation } from "../../types.js";
import type { AutonomyLevel } from "../../competence/levels.js";
import type { EscalationCode } from "../../escalation/codes.js";
import type { EscalationPriority } from "../../escalation/routing-rules.js";
import type { EscalationPackage, EscalationResolution, EscalationStatus } from "../../escalation/types.js";
import type { BreakerState, FlipPolicy } from "../scope-types.js";

export const verdicts = sqliteTable(
  "verdicts",
  {
    /** Deterministic, given by the caller, so a re-run node upserts the same row. */
    id: text("id").primaryKey(),
    scope: text("scope").notNull(),
    threadId: text("thread_id").notNull(),
    draftHash: text("draft_hash").notNull(),
    provenanceKey: text("provenance_key").notNull(),
    /** The scope's evidence epoch when the verdict was stored. */
    epoch: integer("epoch").notNull(),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    composite: real("composite"),
    mode: text("mode").$type<Mode>().notNull(),
    route: text("route").$type<Route>().notNull(),
    auditSampled: integer("audit_sampled", { mode: "boolean" }).notNull(),
    /** A shadow interrupt drawn for a blind review: the reviewer saw no verdict, score or rationale. */
    blind: integer("blind", { mode: "boolean" }).notNull().default(false),
    levels: text("levels", { mode: "json" }).$type<LevelResult[]>().notNull(),
    violations: text("violations", { mode: "json" }).$type<Violation[]>().notNull(),
    unscored: text("unscored", { mode: "json" }).$type<Level[]>().notNull(),
    provenance: text("provenance", { mode: "json" }).$type<Provenance>().notNull(),
    eligibility: text("eligibility", { mode: "json" }).$type<Eligibility>(),
    escalation: text("escalation", { mode: "json" }).$type<string[]>().notNull(),
    rationale: text("rationale").notNull(),
    /** The scope's policy version when the verdict was stored. */
    policyVersion: integer("policy_version"),
    createdAt: text("created_at").notNull(),
    decisionType: text("decision_type").$type<DecisionType>(),
    decision: text("decision", { mode: "json" }).$type<Decision>(),
    decidedAt: text("decided_at"),
    /** The scope's policy version when the decision was recorded. */
    decisionPolicyVersion: integer("decision_policy_version"),
    /** An auto-routed verdict drawn for the post-hoc audit (review after the fact, DESIGN §5). */
    postHocSampled: integer("post_hoc_sampled", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("verdicts_scope_thread_created_idx").on(t.scope, t.threadId, t.createdAt),
    // The latest verdicts of a scope (autonomy rate, listings).
    index("verdicts_scope_created_idx").on(t.scope, t.createdAt),
    // The swing-back window: latest decided auto-mode verdicts of the current epoch, newest first.
    index("verdicts_scope_mode_epoch_decided_idx").on(t.scope, t.mode, t.epoch, t.decidedAt),
    // The recount of an evidence key's counters, answered from the index alone (status, promotion, audit verify).
    index("verdicts_scope_provenance_epoch_cells_idx").on(t.scope, t.provenanceKey, t.epoch, t.passed, t.decisionType),
    // The calibration window: an evidence key's latest decisions, newest first.
    index("verdicts_scope_provenance_decided_idx").on(t.scope, t.provenanceKey, t.decidedAt),
    // Escalation KPIs (routes per scope, decisions on auto routes): answered from the index alone.
    index("verdicts_scope_route_decision_idx").on(t.scope, t.route, t.decisionType),
    // The post-hoc audit queue: sampled auto verdicts of a scope, oldest first.
    index("verdicts_post_hoc_idx").on(t.postHocSampled, t.scope, t.createdAt),
  ],
);

/**
 * Decided-verdict counts per body of evidence (scope × provenance key × epoch).
 *
 * Why counters rather than a COUNT query: the eligibility check runs on every gated draft, and a
 * query over the decided verdicts grows with them; a counter row is one primary-key lookup at any
 * size. The counters are updated in the same write transaction as the decision they count, so they
 * can never drift from the verdict rows; a changed decision subtracts its old cell and adds the new.
 */
export const agreementCounters = sqliteTable(
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
    /** Decided passes (all three pass cells) right after the latest rejected pass; 0 before any. */
    passesAtLastReject: integer("passes_at_last_reject").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.provenanceKey, t.epoch] })],
);

export const scopes = sqliteTable("scopes", {
  scope: text("scope").primaryKey(),
  mode: text("mode").$type<Mode>().notNull(),
  breaker: text("breaker").$type<BreakerState>().notNull(),
  breakerReason: text("breaker_reason"),
  epoch: integer("epoch").notNull(),
  policy: text("policy", { mode: "json" }).$type<FlipPolicy>(),
  policyVersion: integer("policy_version").notNull(),
  /** The provenance key of the gate that last judged the scope; null before its first verdict. */
  provenanceKey: text("provenance_key"),
  /**
   * Agreeing decisions the current evidence held when the scope returned to it (A → B → A);
   * null when the evidence was not revived. Auto needs fresh agreeing decisions beyond it.
   */
  revivedAgree: integer("revived_agree"),
  updatedAt: text("updated_at").notNull(),
});

/** Global key/value settings; the kill switch lives under `kill_switch`. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** Append-only and hash-chained: `hash = sha256(prevHash + canonicalJson({seq, at, kind, scope, actor, payload}))`. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    scope: text("scope"),
    actor: text("actor").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_scope_seq_idx").on(t.scope, t.seq)],
);


/** The competence ledger (DESIGN §6): each scope's current belief strength. */
export const competence = sqliteTable("competence", {
  scope: text("scope").primaryKey(),
  strength: real("strength").notNull(),
  /** Ledger entries applied so far. */
  updates: integer("updates").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * Every ledger update, oldest first: the competence curve, and what makes updates idempotent —
 * a verdict's latest entry says which decision it already counted.
 */
export const competenceEvents = sqliteTable(
  "competence_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    scope: text("scope").notNull(),
    verdictId: text("verdict_id").notNull(),
    decision: text("decision").$type<DecisionType>().notNull(),
    signal: integer("signal").notNull(),
    difficulty: real("difficulty").notNull(),
    before: real("before").notNull(),
    after: real("after").notNull(),
    at: text("at").notNull(),
  },
  (t) => [
    index("competence_events_scope_seq_idx").on(t.scope, t.seq),
    index("competence_events_verdict_seq_idx").on(t.verdictId, t.seq),
  ],
);

/** Per-scope autonomy ceilings; a scope without a row is uncapped. */
export const scopeCeilings = sqliteTable("scope_ceilings", {
  scope: text("scope").primaryKey(),
  ceiling: text("ceiling").$type<AutonomyLevel>().notNull(),
  actor: text("actor").notNull(),
  updatedAt: text("updated_at").notNull(),
});


/**
 * Escalations (DESIGN §7): one per escalated verdict, its id derived from the verdict id so a
 * re-run escalate node finds the row it wrote. Unlike verdict rows, `package` may hold the draft —
 * the owner needs it — but only as returned by the host's redaction hook.
 */
export const escalations = sqliteTable(
  "escalations",
  {
    id: text("id").primaryKey(),
    verdictId: text("verdict_id").notNull(),
    scope: text("scope").notNull(),
    threadId: text("thread_id").notNull(),
    queue: text("queue").notNull(),
    priority: text("priority").$type<EscalationPriority>().notNull(),
    codes: text("codes", { mode: "json" }).$type<EscalationCode[]>().notNull(),
    package: text("package", { mode: "json" }).$type<EscalationPackage>().notNull(),
    status: text("status").$type<EscalationStatus>().notNull(),
    /** Copied out of `resolution` so the KPIs are plain sums. */
    appropriate: integer("appropriate", { mode: "boolean" }),
    sufficient: integer("sufficient", { mode: "boolean" }),
    resolution: text("resolution", { mode: "json" }).$type<EscalationResolution>(),
    createdAt: text("created_at").notNull(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [
    index("escalations_scope_created_idx").on(t.scope, t.createdAt),
    // `escalations list --open`: the open ones, oldest first for a queue.
    index("escalations_status_created_idx").on(t.status, t.createdAt),
  ],
);


/**
 * Post-hoc review findings (DESIGN §5): one per reviewed auto-approved verdict; a later review of
 * the same verdict replaces the finding (each one is audited). The queue is the sampled auto
 * verdicts without a row here.
 */
export const postHocReviews = sqliteTable(
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

