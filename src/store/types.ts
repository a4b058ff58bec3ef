import type { Decision, DecisionType, Mode, Verdict } from "../types.js";
import type { EscalationStore } from "../escalation/types.js";
import type { LedgerStore } from "./ledger-types.js";
import type { PostHocStore } from "./post-hoc-types.js";

/**
 * The flip criterion and the guard rails around auto mode for one scope (DESIGN §5).
 * `default` is the source's rule; `strict` adds the Wilson lower bound and Cohen's κ.
 */
export interface FlipPolicy {
  /** @default "default" */
  preset: "default" | "strict";
  /** Minimum decided verdicts on the current evidence. @default 50 */
  minDecided: number;
  /** Minimum point-estimate agreement. @default 0.8 */
  minAgreement: number;
  /** Maximum rejected passes tolerated. @default 0 */
  maxRejectedPasses: number;
  /** Strict preset only: minimum Wilson 95% lower bound of agreement. @default 0.8 */
  minWilsonLower: number;
  /** Strict preset only: minimum Cohen's κ. @default 0.6 */
  minKappa: number;
  /** Share of auto-eligible drafts still sent to the human, drawn from the draft hash. @default 0.05 */
  auditRate: number;
  /** Swing-back: how many of the latest decided auto-mode verdicts are watched. @default 50 */
  swingBackWindow: number;
  /** Swing-back: decided verdicts needed in the window before agreement can trip it. @default 10 */
  swingBackMinSamples: number;
  /** Swing-back: agreement below this over the window trips the breaker. @default 0.8 */
  swingBackMinAgreement: number;
}

/**
 * Decided-verdict counts on one body of evidence: a 2×2 table of gate (pass/fail) against the
 * human (approve / edit / reject). Skips count nowhere.
 */
export interface AgreementCounts {
  passApprove: number;
  passEdit: number;
  passReject: number;
  failApprove: number;
  failEdit: number;
  failReject: number;
}

export type BreakerState = "closed" | "open";

/** Per-scope state: the operator's mode, the breaker, and the current evidence epoch. */
export interface ScopeState {
  scope: string;
  mode: Mode;
  breaker: BreakerState;
  /** Why the breaker last opened. */
  breakerReason: string | null;
  /**
   * Evidence epoch. A breaker trip starts a new epoch: only decisions on verdicts of the current
   * epoch and the current provenance key count toward eligibility (the scope must re-earn).
   */
  epoch: number;
  /** Per-scope policy override; null means the gate's default policy. */
  policy: FlipPolicy | null;
  /**
   * The provenance key of the gate that last judged this scope (null before the first verdict).
   * Evidence under any other key does not count; a change while in auto sends the scope to shadow.
   */
  provenanceKey: string | null;
  updatedAt: string;
}

/** One append-only audit record. `hash` chains over `prevHash` and the record's content. */
export interface AuditEntry {
  seq: number;
  at: string;
  kind: string;
  scope: string | null;
  actor: string;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditInput {
  kind: string;
  scope?: string | null;
  actor?: string;
  payload?: Record<string, unknown>;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, with what is wrong. */
  firstBad?: { seq: number; problem: string };
}

/** Options of {@link createGateStore}. */
export interface GateStoreOptions {
  /**
   * libSQL URL: `file:path.db`, `:memory:`, or a libSQL server / Turso URL (`libsql://`, `http://`).
   * @default "file:autonomy-gate.db"
   */
  url?: string;
  /** Auth token for a libSQL server. */
  authToken?: string;
  /** Apply pending migrations on first use. @default true */
  autoMigrate?: boolean;
  /** Clock, for tests. @default () => new Date() */
  now?: () => Date;
}

export interface DecisionResult {
  verdict: Verdict;
  /** False when the same decision was already recorded (idempotent re-run). */
  changed: boolean;
}

/**
 * The persistence API the gate, the nodes and the CLI use (the ledger part: see ledger-types.ts;
 * the escalation part: see ../escalation/types.ts; the post-hoc audit: see post-hoc-types.ts).
 */
export interface GateStore extends LedgerStore, EscalationStore, PostHocStore {
  readonly url: string;
  migrate(): Promise<void>;
  close(): void;

  /**
   * Insert a verdict; a verdict with the same id already stored is returned unchanged. An inserted
   * auto-routed verdict gets its `auto_approve` audit entry in the same transaction.
   */
  saveVerdict(verdict: Verdict): Promise<{ verdict: Verdict; inserted: boolean }>;
  getVerdict(id: string): Promise<Verdict | null>;
  listVerdicts(filter: { scope?: string; threadId?: string; limit?: number }): Promise<Verdict[]>;

  /**
   * Backfill a decision (idempotent: recording the same decision type again changes nothing).
   * Updates the agreement counters of the verdict's evidence in the same transaction. (The
   * swing-back check is the caller's: see `backfillDecision`.)
   */
  recordDecision(verdictId: string, decision: Omit<Decision, "at"> & { at?: string }): Promise<DecisionResult>;

  getScopeState(scope: string): Promise<ScopeState>;
  listScopes(): Promise<ScopeState[]>;
  /** Set the mode. The eligibility check is the caller's (the gate's); this only writes and audits. */
  setMode(scope: string, mode: Mode, meta: { actor: string; reason?: string; forced?: boolean }): Promise<ScopeState>;
  /** Open the breaker: scope back to shadow, new evidence epoch, audited. */
  tripBreaker(scope: string, reason: string): Promise<ScopeState>;
  setPolicy(scope: string, policy: FlipPolicy | null, actor: string): Promise<ScopeState>;
  /**
   * Record the provenance key now judging the scope; returns the previous one (null if none).
   * A changed key is audited as `provenance_change`; if the scope was in auto it goes back to shadow
   * in the same transaction.
   */
  setProvenanceKey(scope: string, provenanceKey: string): Promise<{ previous: string | null; state: ScopeState }>;
  /** How the latest `limit` verdicts of a scope were routed (for the autonomy rate). */
  routeCounts(scope: string, limit: number): Promise<{ auto: number; human: number; escalate: number }>;

  /** Counts for the evidence the flip looks at: scope × provenance key × epoch. O(1). */
  getCounts(scope: string, provenanceKey: string, epoch: number): Promise<AgreementCounts>;
  /**
   * Latest decided verdicts routed in auto mode during `epoch` (newest first by decision time), for
   * the swing-back window. Earlier epochs are excluded so a tripped scope starts with a clean window.
   */
  recentAutoDecisions(
    scope: string,
    epoch: number,
    limit: number,
  ): Promise<Array<{ passed: boolean; decision: DecisionType }>>;

  getKillSwitch(): Promise<boolean>;
  setKillSwitch(on: boolean, actor: string): Promise<void>;

  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  listAudit(filter?: { scope?: string; limit?: number }): Promise<AuditEntry[]>;
  verifyAudit(): Promise<AuditVerification>;
}
