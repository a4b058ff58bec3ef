import { Annotation, ReducedValue } from "@langchain/langgraph";
import { z } from "zod";
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

/**
 * The slot's schema for `StateSchema`: an object with a verdict id and a route (anything else the
 * gate writes is kept), or null before `gate_draft` has run. Studio shows it as the state's
 * `gate` field.
 */
const gateSlotSchema = z
  .looseObject({ verdictId: z.string(), route: z.enum(["auto", "human", "escalate"]) })
  .nullable()
  .default(null);

/**
 * The same fragment for LangGraph's `StateSchema` API:
 * `new StateSchema({ ...myFields, ...gateStateSchemaFields })`. Same key, same reducer, same
 * default (null) as {@link gateStateFields}.
 */
export const gateStateSchemaFields: { gate: ReducedValue<GateSlot | null, GateSlot | null> } = {
  gate: new ReducedValue(gateSlotSchema as unknown as z.ZodType<GateSlot | null, GateSlot | null>, { reducer: replace }),
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
