import { interrupt, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { GateConfigError, OperationRefusedError } from "../errors.js";
import { hashValue } from "../hash.js";
import { DECISION_TYPES, HITL_DECISION_TYPES, type Decision, type DecisionType } from "../types.js";
import { buildApprovalRequest, type ActionRequest } from "./approval-payload.js";
import type { GateLike } from "./gate-like.js";
import { checkNodeOptions } from "./node-options.js";
import { parseResume, resumeSchema, type HumanDecision } from "./resume.js";
import { gateSlotOf, type GateSlot } from "./state.js";

/** The edited action a reviewer sends back (`{ type: "edit", editedAction }`). */
export interface EditedAction {
  name: string;
  args: Record<string, unknown>;
}

/**
 * Hands a human edit back to the host's state: the update that makes the action node execute the
 * edited action (e.g. the new draft, the new refund amount). Its return is checked against the
 * host's state keys: a misspelt key does not compile.
 */
export type OnEdit<S> = (editedAction: EditedAction, state: S) => Partial<S>;

interface AwaitApprovalBase<S> {
  /** The action under review (name, args, description), built from the host's state. */
  action: (state: S) => ActionRequest;
  /**
   * How hard this task was, for the competence ledger: a weight in [0.5, 2.0] (e.g. a high-value
   * account counts double).
   * @default () => 1
   */
  difficulty?: (state: S) => number;
}

/**
 * Options of {@link createAwaitApprovalNode}. An edit can never execute the original action:
 * whenever `edit` is allowed (it is by default), `onEdit` is required, by the type and at
 * construction, and must return a non-empty state update.
 */
export type AwaitApprovalNodeOptions<S> = AwaitApprovalBase<S> &
  (
    | {
        /**
         * Decisions the reviewer may take. The default is LangChain v1's HITL vocabulary; `"skip"`
         * is an opt-in, and then `routeAfterApproval` needs an explicit `skip` target.
         * @default ["approve", "edit", "reject"]
         */
        allowedDecisions?: DecisionType[];
        /** Required whenever `edit` is allowed: see {@link OnEdit}. */
        onEdit: OnEdit<S>;
      }
    | {
        /** Decisions without `edit`: then no `onEdit` is needed. */
        allowedDecisions: Array<Exclude<DecisionType, "edit">>;
        onEdit?: undefined;
      }
  );

const isPlainUpdate = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0;

/**
 * The `await_approval` node: interrupts with the DESIGN §9 payload, validates the resume value
 * (a malformed one throws a clear error and the interrupt stays pending), applies an edit through
 * `onEdit`, and backfills the decision onto the verdict before returning.
 *
 * Nothing before `interrupt()` has side effects: LangGraph re-runs this node from its first line
 * on resume, and the backfill is idempotent. When the backfill fails because the store cannot take
 * it (the database is down, or the verdict could not be stored: `gate.stored: false`), the human's
 * decision still applies to the graph: the slot carries it with `decisionStored: false`.
 */
export function createAwaitApprovalNode<S>(gate: GateLike, options: AwaitApprovalNodeOptions<S>) {
  if (typeof gate?.decide !== "function") throw new GateConfigError("gate", gate, "a gate from createGate()");
  if (gate.store === undefined || gate.store === null) {
    throw new GateConfigError("gate", "a gate without a store", "a gate from createGate({ store }): decisions are backfilled onto stored verdicts");
  }
  checkNodeOptions(options, "options", ["action", "onEdit", "allowedDecisions", "difficulty"]);
  if (typeof options.action !== "function") {
    throw new GateConfigError("action", options.action, "a function (state) => { name, args, description? }");
  }
  const allowed: DecisionType[] = options.allowedDecisions ?? [...HITL_DECISION_TYPES];
  const unknown = Array.isArray(allowed) ? allowed.filter((d) => !(DECISION_TYPES as readonly string[]).includes(d)) : [];
  if (!Array.isArray(allowed) || allowed.length === 0 || unknown.length > 0) {
    throw new GateConfigError("allowedDecisions", allowed, `a non-empty subset of ${DECISION_TYPES.join(", ")}`);
  }
  const onEdit = options.onEdit;
  if (allowed.includes("edit") && typeof onEdit !== "function") {
    throw new GateConfigError("onEdit", onEdit, "a function (editedAction, state) => state update: an edit must change what the action node executes");
  }
  if (options.difficulty !== undefined && typeof options.difficulty !== "function") {
    throw new GateConfigError("difficulty", options.difficulty, "a function (state) => a weight in [0.5, 2.0]");
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
    // The edit is applied before the decision is recorded: an onEdit that fails records nothing.
    const edit = human.type === "edit" && onEdit ? editUpdate(onEdit(human.editedAction, state)) : {};
    const difficulty = options.difficulty?.(state);
    const decision = toDecision(human);
    let next: GateSlot;
    try {
      const verdict = await gate.decide(slot.verdictId, { ...decision, ...(difficulty !== undefined ? { difficulty } : {}) });
      next = { ...slot, verdict, decision: verdict.decision };
    } catch (error) {
      // A bad option (e.g. difficulty) is the host's bug, and a decision the store refuses (a fork
      // answering differently after the action ran) must not act: both surface. Anything else is
      // the store failing the write: the human's decision is not lost, it applies to the graph as is.
      if (error instanceof GateConfigError || error instanceof OperationRefusedError) throw error;
      next = { ...slot, decision: { ...decision, at: new Date().toISOString() }, decisionStored: false };
    }
    return { ...edit, gate: next };
  };
}

function editUpdate(update: unknown): Record<string, unknown> {
  if (!isPlainUpdate(update)) {
    throw new GateConfigError("onEdit", update, "a non-empty state update (an empty one would execute the original action)");
  }
  return update;
}

function toDecision(human: HumanDecision<DecisionType>): Omit<Decision, "at"> {
  const note = human.type === "reject" ? (human.note ?? human.message) : human.note;
  return {
    type: human.type,
    ...(note !== undefined ? { note } : {}),
    ...(human.by !== undefined ? { by: human.by } : {}),
    ...(human.type === "edit" ? { editedDraftHash: hashValue(human.editedAction) } : {}),
  };
}
