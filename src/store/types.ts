import type { Decision, DecisionType, Mode, Verdict } from "../types.js";
import type { EscalationStore } from "../escalation/types.js";
import type { CompetenceConfig } from "../competence/options.js";
import type { LedgerStore } from "./ledger-types.js";
import type { PostHocStore } from "./post-hoc-types.js";
import type { PgPoolLike } from "./pg/pool.js";

export type { AgreementCounts, BreakerState, FlipPolicy, ScopeState } from "./scope-types.js";
import type { AgreementCounts, FlipPolicy, ScopeState } from "./scope-types.js";

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
  /**
   * Counter rows that differ from a recount of the decision rows (scope, provenance key, epoch and
   * the cells that differ). Any makes `ok` false.
   */
  counterMismatches?: Array<{ scope: string; provenanceKey: string; epoch: number; differences: string[] }>;
  /** What is wrong with the head (the newest entry as the store last wrote it): a cut-off tail, a re-hash. */
  head?: string;
  /** True when an audit key was given and the head's signature holds under it. */
  headSigned: boolean;
  /** Verdict rows that differ from (or are missing against) the hash their audit entry carries. */
  rowMismatches?: RowMismatch[];
  /** Verdict rows written before row hashes were audited (a database from an earlier version): not checked. */
  unattested?: number;
}

/** A verdict row `audit verify` found tampered with: the row, the entry it was checked against, what differs. */
export interface RowMismatch {
  verdictId: string;
  /** The audit entry that carries the row's hash, when there is one. */
  seq?: number;
  problem: string;
}

/** What `status` shows of the outbox. */
export interface OutboxStatus {
  /** Writes kept and not yet replayed. */
  depth: number;
  /** When the oldest of them was kept (null when empty). */
  oldestAt: string | null;
  /** The outbox file (null for an in-memory outbox). */
  path: string | null;
}

/** Options of {@link createGateStore}. */
export interface GateStoreOptions {
  /**
   * Where the store lives: `file:path.db`, `:memory:`, a libSQL server / Turso URL (`libsql://`,
   * `http://`), or a PostgreSQL server (`postgres://user:pass@host:5432/db`, `postgresql://…`).
   * @default "file:autonomy-gate.db"
   */
  url?: string;
  /** Auth token for a libSQL server. */
  authToken?: string;
  /**
   * A `pg.Pool` the host already has (instead of a `postgres://` url): the store borrows its
   * connections and leaves it open on `close()`.
   */
  pool?: PgPoolLike;
  /**
   * PostgreSQL only: the schema holding the store's tables (created on first use), so they can sit
   * beside LangGraph's checkpoint tables in one database.
   * @default the connection's default schema (usually `public`)
   */
  schema?: string;
  /** Apply pending migrations on first use. @default true */
  autoMigrate?: boolean;
  /** Clock, for tests. @default () => new Date() */
  now?: () => Date;
  /**
   * Deadline of every store call in milliseconds: queueing, connecting, migrating, lock waits and
   * the statements. Past it the call rejects with `StoreUnavailableError` (the gate sends the draft
   * to a human) and a write still running is rolled back instead of committed.
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Where the decision outbox keeps writes the database refused (replayed when it answers again).
   * @default next to a `file:` database (`<file>.outbox.jsonl`); in memory for other URLs
   */
  outboxPath?: string;
  /**
   * Key for the audit log's signed head (HMAC-SHA256). With it, someone who can write the database
   * but lacks the key cannot re-hash the chain without `audit verify` seeing it.
   * @default process.env.AUTONOMY_GATE_AUDIT_KEY, else none
   */
  auditKey?: string;
}

/**
 * What a decision implies besides its row and counters; given, they commit in the decision's
 * transaction (see `GateStore.recordDecision`).
 */
export interface DecisionEffects {
  /** The gate's flip policy (a scope's stored override wins), for the swing-back check. */
  gatePolicy?: FlipPolicy;
  /** The competence ledger's update parameters. */
  competence: Pick<CompetenceConfig, "alpha" | "beta" | "initial">;
  /** How hard the task was, for the competence ledger: a weight in [0.5, 2.0]. @default 1 */
  difficulty?: number;
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
  /** A thread's latest verdicts in a scope, newest first, as the escalation triggers see them (id and pass/fail). */
  threadHistory(scope: string, threadId: string, limit: number): Promise<Array<Pick<Verdict, "id" | "passed">>>;

  /**
   * Backfill a decision (idempotent: recording the same decision type again changes nothing).
   * Updates the agreement counters of the verdict's evidence in the same transaction. With
   * `effects` (as `backfillDecision` passes), the competence ledger update, the swing-back check
   * for a verdict routed in auto mode and a breaker trip commit in that transaction too; a retry
   * of the same decision completes any of them that is missing.
   */
  recordDecision(verdictId: string, decision: Omit<Decision, "at"> & { at?: string }, effects?: DecisionEffects): Promise<DecisionResult>;

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

  /**
   * What the counters of one body of evidence should hold: a recount of its decision rows. Linear
   * in that evidence (index-backed); eligibility runs it before it lets a scope be promoted.
   */
  recountCounts(scope: string, provenanceKey: string, epoch: number): Promise<AgreementCounts>;
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
  /** The decision outbox: writes the database refused, kept for replay (see outbox.ts). */
  outboxStatus(): Promise<OutboxStatus>;
  /** Replay what the outbox holds now; resolves to how many writes are still pending. */
  drainOutbox(): Promise<number>;
  verifyAudit(): Promise<AuditVerification>;
}
