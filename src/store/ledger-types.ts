/**
 * The store API behind the competence ledger, autonomy ceilings, policy versions and the report's
 * history (DESIGN §6). `GateStore` extends it.
 */
import type { CompetenceConfig } from "../competence/options.js";
import type { AutonomyLevel } from "../competence/levels.js";
import type { DecisionType, Mode, Route } from "../types.js";
import type { AgreementCounts, FlipPolicy, ScopeState } from "./scope-types.js";

/** A scope's current belief strength. */
export interface CompetenceState {
  scope: string;
  strength: number;
  /** Ledger entries applied so far. */
  updates: number;
  updatedAt: string;
}

/** One ledger update, as the competence curve plots it. */
export interface CompetenceEntry {
  seq: number;
  scope: string;
  verdictId: string;
  decision: DecisionType;
  signal: number;
  difficulty: number;
  before: number;
  after: number;
  at: string;
}

/** A decision to count in the ledger. */
export interface CompetenceInput {
  scope: string;
  verdictId: string;
  decision: DecisionType;
  /** The host's difficulty weight in [0.5, 2.0]. @default 1 */
  difficulty?: number;
  /** ISO time of the update. @default the store's clock */
  at?: string;
}

/** One decided verdict, with the versions it was recorded under (oldest first in a timeline). */
export interface DecidedRecord {
  verdictId: string;
  createdAt: string;
  decidedAt: string;
  passed: boolean;
  decision: DecisionType;
  mode: Mode;
  route: Route;
  provenanceKey: string;
  epoch: number;
  /** The scope's policy version when the verdict was judged. */
  policyVersion: number | null;
  /** The scope's policy version when the decision was recorded. */
  decisionPolicyVersion: number | null;
}

/** One UTC day of a scope: verdicts by route (by creation day) and decisions by type (by decision day). */
export interface DailyActivity {
  day: string;
  routes: Record<Route, number>;
  decisions: Record<DecisionType, number>;
}

/** A version of a scope's policy, from the audit log; version 0 is the gate's configured default. */
export interface PolicyVersion {
  version: number;
  /** The stored override; null means the gate's default policy. */
  policy: FlipPolicy | null;
  /** When it took effect; null for version 0. */
  at: string | null;
  actor: string | null;
}

export interface LedgerStore {
  /** The scope's ledger row; null before its first update (the strength is then the configured initial). */
  getCompetence(scope: string): Promise<CompetenceState | null>;
  /**
   * Counts a decision in the scope's ledger, idempotently: a verdict whose latest entry already
   * counts this decision type changes nothing; a changed decision replaces the earlier one's
   * contribution. Only the given scope's strength moves.
   * @throws GateConfigError for a difficulty outside [0.5, 2.0].
   */
  recordCompetence(
    input: CompetenceInput,
    config?: Pick<CompetenceConfig, "alpha" | "beta" | "initial">,
  ): Promise<{ entry: CompetenceEntry | null; strength: number }>;
  /** The latest `limit` ledger entries of a scope, oldest first. @default limit 5000 */
  competenceHistory(scope: string, options?: { limit?: number }): Promise<CompetenceEntry[]>;

  /** The scope's autonomy ceiling; null when uncapped. */
  getCeiling(scope: string): Promise<AutonomyLevel | null>;
  /**
   * Sets (or clears, with null) the scope's ceiling, audited as `ceiling_change`. A ceiling below
   * L4 (auto) sends a scope in auto back to shadow in the same transaction.
   */
  setCeiling(scope: string, ceiling: AutonomyLevel | null, actor: string): Promise<ScopeState>;

  /** The scope's current policy version (0 until its policy is first set). */
  getPolicyVersion(scope: string): Promise<number>;
  /** Every policy version of a scope, oldest first, from the audit log. */
  listPolicyVersions(scope: string): Promise<PolicyVersion[]>;
  /** Decided-verdict counts per policy version the verdicts were judged under, oldest version first. */
  agreementByPolicyVersion(scope: string): Promise<Array<{ policyVersion: number | null; counts: AgreementCounts }>>;

  /** The latest `limit` decided (approve / edit / reject) verdicts of a scope, oldest decision first. @default limit 20000 */
  decisionTimeline(scope: string, options?: { limit?: number }): Promise<DecidedRecord[]>;
  /** Per-day verdict routes and decisions of a scope, oldest day first. */
  dailyActivity(scope: string): Promise<DailyActivity[]>;
  /** First and last decision time of one body of evidence; null when none is decided. */
  evidencePeriod(scope: string, provenanceKey: string, epoch: number): Promise<{ from: string; to: string } | null>;
}
