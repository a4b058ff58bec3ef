import type { DecisionType, Route } from "../types.js";
import type { GateSlot } from "./state.js";

/** Targets after `gate_draft`. */
export interface GateRouteTargets {
  /** The action node (send, apply, refund...). */
  auto: string;
  /** @default "await_approval" */
  human?: string;
  /** @default "escalate" */
  escalate?: string;
}

/**
 * Conditional edge after `gate_draft`: auto → the action, human → await_approval, escalate → escalate.
 * Use as `builder.addConditionalEdges("gate_draft", routeAfterGate({ auto: "send_touch" }))`.
 */
export function routeAfterGate(targets: GateRouteTargets) {
  const table: Record<Route, string> = {
    auto: targets.auto,
    human: targets.human ?? "await_approval",
    escalate: targets.escalate ?? "escalate",
  };
  return (state: { gate?: GateSlot | null }): string => {
    const route = state.gate?.route;
    // No verdict in state is a wiring fault; the human is the safe destination.
    return route ? table[route] : table.human;
  };
}

/** Targets after `await_approval`, one per decision type. */
export type ApprovalTargets = Record<DecisionType, string>;

/**
 * Conditional edge after `await_approval`: approve/edit → the action, reject/skip → host-chosen
 * targets. An auto-routed draft that passed through goes to the `approve` target.
 */
export function routeAfterApproval(targets: { approve: string; edit?: string; reject: string; skip?: string }) {
  const table: ApprovalTargets = {
    approve: targets.approve,
    edit: targets.edit ?? targets.approve,
    reject: targets.reject,
    skip: targets.skip ?? targets.reject,
  };
  return (state: { gate?: GateSlot | null }): string => {
    const slot = state.gate;
    if (slot?.route === "auto") return table.approve;
    const type = slot?.decision?.type;
    return type ? table[type] : table.reject;
  };
}
