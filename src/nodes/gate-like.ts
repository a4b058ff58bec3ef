import type { DecisionInput } from "../decisions/backfill.js";
import type { GateInput, Verdict } from "../types.js";

/** What the nodes need of a gate; `createGate` returns one. */
export interface GateLike {
  /**
   * Where verdicts are stored. `createAwaitApprovalNode` refuses a gate without one at
   * construction: a human's decision must have a stored verdict to land on.
   */
  readonly store?: unknown;
  evaluate(input: GateInput, ctx?: { threadId?: string }): Promise<Verdict>;
  /** Backfill a decision onto a verdict (idempotent), returning the updated verdict. */
  decide(verdictId: string, decision: DecisionInput): Promise<Verdict>;
}
