import type { DecisionType, Eligibility, HitlDecisionType, LevelResult, Mode, Violation } from "../types.js";
import type { GateSlot } from "./state.js";

/** One action under review, in the LangChain v1 human-in-the-loop vocabulary. */
export interface ActionRequest {
  name: string;
  args: Record<string, unknown>;
  description?: string;
}

/**
 * A blind review (DESIGN §5): which verdict it is and where, but none of the gate's judgement —
 * no pass/fail, score, levels, violations or rationale — so the reviewer decides on the draft alone.
 */
export interface BlindGateSummary {
  verdictId: string;
  scope: string;
  mode: Mode;
  blind: true;
  /** Whether the verdict is in the store (see {@link GateSummary.stored}); says nothing of the judgement. */
  stored: boolean;
}

/** The verdict summary a reviewer (or UI) sees next to the action. */
export interface GateSummary {
  verdictId: string;
  scope: string;
  passed: boolean;
  composite: number | null;
  levels: LevelResult[];
  violations: Violation[];
  rationale: string;
  mode: Mode;
  auditSampled: boolean;
  eligibility: Eligibility | null;
  /**
   * Whether the verdict is in the store. `false` when the database refused the write: the decision
   * still applies to the graph, but `decide` by id and the CLI cannot find the verdict.
   */
  stored: boolean;
}

/**
 * The value `await_approval` interrupts with (DESIGN §9). With the default decisions it is
 * assignable to LangChain v1's `HITLRequest` (`gate` is an extra field); with `skip` allowed, pass
 * the decisions: `ApprovalRequest<DecisionType>`.
 */
export interface ApprovalRequest<D extends DecisionType = HitlDecisionType> {
  actionRequests: ActionRequest[];
  reviewConfigs: Array<{ actionName: string; allowedDecisions: D[] }>;
  gate: GateSummary | BlindGateSummary;
}

export function buildApprovalRequest<D extends DecisionType>(
  slot: GateSlot,
  action: ActionRequest,
  allowedDecisions: D[],
): ApprovalRequest<D> {
  const { verdict } = slot;
  if (verdict.blind) {
    return {
      actionRequests: [{ ...action, ...(action.description === undefined ? {} : { description: action.description }) }],
      reviewConfigs: [{ actionName: action.name, allowedDecisions }],
      gate: { verdictId: verdict.id, scope: verdict.scope, mode: verdict.mode, blind: true, stored: verdict.stored !== false },
    };
  }
  return {
    actionRequests: [{ ...action, description: action.description ?? verdict.rationale }],
    reviewConfigs: [{ actionName: action.name, allowedDecisions }],
    gate: {
      verdictId: verdict.id,
      scope: verdict.scope,
      passed: verdict.passed,
      composite: verdict.composite,
      levels: verdict.levels,
      violations: verdict.violations,
      rationale: verdict.rationale,
      mode: verdict.mode,
      auditSampled: verdict.auditSampled,
      eligibility: verdict.eligibility ?? null,
      stored: verdict.stored !== false,
    },
  };
}
