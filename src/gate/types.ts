import type { DecisionInput } from "../decisions/backfill.js";
import type { AssessedDraft } from "../decisions/route-verdict.js";
import type { EscalationTriggers } from "../escalation/triggers.js";
import type { GateStore } from "../store/types.js";
import type { GateInput, Provenance, Verdict } from "../types.js";
import type { ResolvedGateOptions } from "./options.js";

/**
 * The gate's evaluation of one draft, before routing and persistence: the verdict's evaluation
 * fields (see {@link Verdict}). Never holds draft text.
 */
export interface Assessment extends AssessedDraft {
  scope: string;
  /** The kill switch was on for this assessment (no LLM call was made). */
  killSwitch: boolean;
}

export interface AssessContext {
  /** Kill switch for this call (e.g. read from the store); either this or the option turns it on. */
  killSwitch?: boolean;
}

export interface EvaluateContext extends AssessContext {
  /** The LangGraph thread the draft belongs to; part of the verdict id. @default "" */
  threadId?: string;
}

/** A gate from {@link createGate}. Its methods never throw: errors fail open into the result. */
export interface Gate {
  /** The validated options, defaults applied. */
  readonly options: ResolvedGateOptions;
  /** Provenance stamped on every verdict of this gate. */
  readonly provenance: Provenance;
  /** Evaluate a draft at every requested level. */
  assess(input: GateInput, ctx?: AssessContext): Promise<Assessment>;
  /** The store verdicts are routed with and persisted to, if any. */
  readonly store: GateStore | undefined;
  /** The escalation trigger evaluator `evaluate` runs (the escalate node uses it to explain codes in words). */
  readonly escalationTriggers: EscalationTriggers;
  /**
   * Evaluate, route and (with a store) persist the verdict for one draft on one thread. With a
   * store, the scope's mode, eligibility, breaker, audit sample and the kill switch decide the
   * route (DESIGN §4), and a verdict already stored for the same draft on the thread is returned
   * as is. Without one, the verdict is a shadow verdict routed to the human.
   */
  evaluate(input: GateInput, ctx?: EvaluateContext): Promise<Verdict>;
  /**
   * Backfill a decision onto a verdict by id (idempotent) and run the swing-back check.
   * Needs a store; throws NotFoundError for an unknown verdict id.
   */
  decide(verdictId: string, decision: DecisionInput): Promise<Verdict>;
}
