/**
 * The per-scope types every part of the store contract rests on: the scope's state, with the flip
 * policy and the agreement counters it is judged by (owned by the statistics, ../stats/). Kept
 * apart so the contract's pieces (ledger, escalation, post-hoc) can use them without importing
 * the whole contract.
 */
import type { AgreementCounts, FlipPolicy } from "../stats/flip-types.js";
import type { BreakerState, Mode } from "../types.js";

export type { AgreementCounts, BreakerState, FlipPolicy };

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
  /**
   * Set when the scope returned to evidence it had left (A → B → A): the agreeing decisions that
   * evidence held then. Auto needs `revivalConfirmations` new agreeing decisions beyond it.
   */
  revivedAgree: number | null;
  updatedAt: string;
}
