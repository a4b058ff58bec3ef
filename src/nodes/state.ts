import { Annotation } from "@langchain/langgraph";
import type { Decision, Route, Verdict } from "../types.js";

/** What the gate nodes keep in graph state, under the single key `gate`. */
export interface GateSlot {
  verdictId: string;
  route: Route;
  verdict: Verdict;
  /** The human decision, once `await_approval` has been answered. */
  decision?: Decision;
  /**
   * `false` when the decision could not be backfilled (the database refused the write, or the
   * verdict was never stored): it still applies to the graph. Absent once it is stored.
   */
  decisionStored?: false;
  /** The escalation record id, once `escalate` has run. */
  escalationId?: string;
}

/** Latest write wins: each gated draft replaces the previous slot. */
function replace(_previous: GateSlot | null, next: GateSlot | null): GateSlot | null {
  return next;
}

/**
 * The state fragment a host spreads into its own `Annotation.Root({...})`:
 * `Annotation.Root({ ...MyFields, ...gateStateFields })`.
 */
export const gateStateFields = {
  gate: Annotation<GateSlot | null>({ reducer: replace, default: () => null }),
};

/** The fragment as a state annotation, for graphs that need nothing else. */
export const GateStateAnnotation = Annotation.Root(gateStateFields);

/** Narrow a host state to its gate slot (throws with a hint when the fragment is missing). */
export function gateSlotOf(state: unknown, node: string): GateSlot {
  const slot = (state as { gate?: GateSlot | null } | null)?.gate;
  if (!slot) {
    throw new Error(
      `${node}: state.gate is empty. Run gate_draft before ${node}, and spread gateStateFields into the graph state.`,
    );
  }
  return slot;
}
