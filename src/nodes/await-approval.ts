import { interrupt, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { GateConfigError } from "../errors.js";
import { hashValue } from "../hash.js";
import { DECISION_TYPES, HITL_DECISION_TYPES, type DecisionType } from "../types.js";
import { buildApprovalRequest, type ActionRequest } from "./approval-payload.js";
import type { GateLike } from "./gate-like.js";
import { parseResume, resumeSchema, type HumanDecision } from "./resume.js";
import { gateSlotOf, type GateSlot } from "./state.js";

/** Options of {@link createAwaitApprovalNode}. */
export interface AwaitApprovalNodeOptions<S> {
  /** The action under review (name, args, description), built from the host's state. */
  action: (state: S) => ActionRequest;
  /**
   * Hands a human edit back to the host's state: return the update to apply (e.g. the new draft).
   * Without it an edit is recorded but the state's draft is left as it was.
   */
  onEdit?: (editedAction: { name: string; args: Record<string, unknown> }, state: S) => Record<string, unknown>;
  /**
   * Decisions the reviewer may take. The default is LangChain v1's HITL vocabulary; `"skip"` is an
   * opt-in, and then `routeAfterApproval` needs an explicit `skip` target.
   * @default ["approve", "edit", "reject"]
   */
  allowedDecisions?: DecisionType[];
  /**
   * How hard this task was, for the competence ledger: a weight in [0.5, 2.0] (e.g. a high-value
   * account counts double).
   * @default () => 1
   */
  difficulty?: (state: S) => number;
}

/**
 * The `await_approval` node: interrupts with the DESIGN §9 payload, validates the resume value
 * (a malformed one throws a clear error and the interrupt stays pending), backfills the decision
 * onto the verdict before returning, and applies an edit through `onEdit`.
 *
 * Nothing before `interrupt()` has side effects: LangGraph re-runs this node from its first line
 * on resume, and the backfill is idempotent.
 */
export function createAwaitApprovalNode<S>(gate: GateLike, options: AwaitApprovalNodeOptions<S>) {
  if (typeof gate?.decide !== "function") throw new GateConfigError("gate", gate, "a gate from createGate()");
  if (typeof options?.action !== "function") {
    throw new GateConfigError("action", options?.action, "a function (state) => { name, args, description? }");
  }
  const allowed: DecisionType[] = options.allowedDecisions ?? [...HITL_DECISION_TYPES];
  const unknown = allowed.filter((d) => !(DECISION_TYPES as readonly string[]).includes(d));
  if (allowed.length === 0 || unknown.length > 0) {
    throw new GateConfigError("allowedDecisions", allowed, `a non-empty subset of ${DECISION_TYPES.join(", ")}`);
  }

  return async (state: S, _config?: LangGraphRunnableConfig): Promise<Record<string, unknown>> => {
    const slot = gateSlotOf(state, "await_approval");
    if (slot.route === "auto") return {};
    const request = buildApprovalRequest(slot, options.action(state), allowed);
    const answer: unknown = interrupt(request, { responseSchema: resumeSchema });
    const parsed = parseResume(answer);
    // The response schema already refused anything else; this narrows the type.
    if (!parsed.ok) throw new Error(parsed.problem);
    const human = parsed.decision;
    if (!allowed.includes(human.type)) {
      throw new GateConfigError("decision", human.type, `one of the allowed decisions: ${allowed.join(", ")}`);
    }
    const difficulty = options.difficulty?.(state);
    const verdict = await gate.decide(slot.verdictId, { ...toDecision(human), ...(difficulty !== undefined ? { difficulty } : {}) });
    const next: GateSlot = { ...slot, verdict, decision: verdict.decision };
    const edit = human.type === "edit" && options.onEdit ? options.onEdit(human.editedAction, state) : {};
    return { ...edit, gate: next };
  };
}

function toDecision(human: HumanDecision<DecisionType>) {
  const note = human.type === "reject" ? (human.note ?? human.message) : human.note;
  return {
    type: human.type,
    ...(note !== undefined ? { note } : {}),
    ...(human.by !== undefined ? { by: human.by } : {}),
    ...(human.type === "edit" ? { editedDraftHash: hashValue(human.editedAction) } : {}),
  };
}
