import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { GateConfigError } from "../errors.js";
import type { GateInput } from "../types.js";
import type { GateLike } from "./gate-like.js";
import type { GateSlot } from "./state.js";
import { threadIdOf } from "./thread-id.js";

/** Options of {@link createGateDraftNode}. */
export interface GateDraftNodeOptions<S> {
  /** Maps the host's state to the gate input, so the host keeps its own state shape. */
  select: (state: S) => GateInput;
  /**
   * The thread the verdict belongs to.
   * @default the run's `config.configurable.thread_id`
   */
  threadId?: (state: S, config: LangGraphRunnableConfig | undefined) => string;
}

/**
 * The `gate_draft` node: evaluates the draft, routes it and persists the verdict, writing
 * `{ gate: { verdictId, route, verdict } }`. Re-running it (resume, retry) returns the stored verdict
 * for the same draft on the same thread instead of judging again, so no second verdict appears.
 */
export function createGateDraftNode<S>(gate: GateLike, options: GateDraftNodeOptions<S>) {
  if (typeof gate?.evaluate !== "function") {
    throw new GateConfigError("gate", gate, "a gate from createGate()");
  }
  if (typeof options?.select !== "function") {
    throw new GateConfigError("select", options?.select, "a function (state) => GateInput");
  }
  return async (state: S, config?: LangGraphRunnableConfig): Promise<{ gate: GateSlot }> => {
    const input = options.select(state);
    const threadId = options.threadId ? options.threadId(state, config) : threadIdOf(config);
    const verdict = await gate.evaluate(input, { threadId });
    return { gate: { verdictId: verdict.id, route: verdict.route, verdict } };
  };
}
