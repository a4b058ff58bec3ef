import { GateConfigError } from "../errors.js";
import type { Route } from "../types.js";
import type { GateSlot } from "./state.js";

/**
 * A conditional edge that also carries its path map: every node it can route to, so LangGraph
 * (and `drawMermaid()`, Studio) knows the real edges. Pass both:
 * `builder.addConditionalEdges("gate_draft", edge, edge.pathMap)`.
 */
export type GateEdge<N extends string> = ((state: { gate?: GateSlot | null }) => N) & {
  /** The nodes this edge can route to, each once, for `addConditionalEdges`' path map. */
  readonly pathMap: N[];
};

/** Targets after `gate_draft`. */
export interface GateRouteTargets<A extends string = string, H extends string = string, E extends string = string> {
  /** The action node (send, apply, refund...). */
  auto: A;
  /** @default "await_approval" */
  human?: H;
  /** @default "escalate" */
  escalate?: E;
}

function withPathMap<N extends string>(route: (state: { gate?: GateSlot | null }) => N, targets: N[]): GateEdge<N> {
  return Object.assign(route, { pathMap: [...new Set(targets)] });
}

/**
 * Conditional edge after `gate_draft`: auto → the action, human → await_approval, escalate → escalate.
 * Use as `const afterGate = routeAfterGate({ auto: "send_touch" });
 * builder.addConditionalEdges("gate_draft", afterGate, afterGate.pathMap)`.
 */
export function routeAfterGate<A extends string, H extends string = "await_approval", E extends string = "escalate">(
  targets: GateRouteTargets<A, H, E>,
): GateEdge<A | H | E> {
  const table: Record<Route, A | H | E> = {
    auto: targets.auto,
    human: targets.human ?? ("await_approval" as H),
    escalate: targets.escalate ?? ("escalate" as E),
  };
  const route = (state: { gate?: GateSlot | null }): A | H | E => {
    const next = state.gate?.route;
    // No verdict in state is a wiring fault; the human is the safe destination.
    return next ? table[next] : table.human;
  };
  return withPathMap(route, [table.auto, table.human, table.escalate]);
}

/** Targets of {@link routeAfterApproval}. */
export interface ApprovalRouteTargets<A extends string = string, R extends string = string, Ed extends string = A, Sk extends string = never> {
  /** Where an approved (or auto-routed) draft goes: the action node. */
  approve: A;
  /**
   * Where an edited draft goes. The edit reaches the action through `onEdit`'s state update.
   * @default the approve target
   */
  edit?: Ed;
  /** Where a rejected draft goes. */
  reject: R;
  /**
   * Where a skipped draft goes. Required when `await_approval` allows `skip` (an opt-in): a skip
   * arriving at an edge without a skip target throws rather than being sent anywhere by default.
   */
  skip?: Sk;
}

/**
 * Conditional edge after `await_approval`: approve/edit → the action, reject → the host's target,
 * skip (when opted in) → its own explicit target. An auto-routed draft that passed through goes to
 * the `approve` target. Carries its `pathMap` like {@link routeAfterGate}.
 */
export function routeAfterApproval<A extends string, R extends string, Ed extends string = A, Sk extends string = never>(
  targets: ApprovalRouteTargets<A, R, Ed, Sk>,
): GateEdge<A | R | Ed | Sk> {
  const edit = targets.edit ?? (targets.approve as unknown as Ed);
  const skip = targets.skip;
  const route = (state: { gate?: GateSlot | null }): A | R | Ed | Sk => {
    const slot = state.gate;
    if (slot?.route === "auto") return targets.approve;
    switch (slot?.decision?.type) {
      case "approve":
        return targets.approve;
      case "edit":
        return edit;
      case "skip":
        if (skip === undefined) {
          throw new GateConfigError(
            "routeAfterApproval.skip",
            undefined,
            'a skip target: await_approval allowed "skip", so pass routeAfterApproval({ ..., skip: "<node>" })',
          );
        }
        return skip;
      default:
        // A reject, or no decision in state (a wiring fault): never the action.
        return targets.reject;
    }
  };
  return withPathMap(route, [targets.approve, edit, targets.reject, ...(skip === undefined ? [] : [skip])]);
}
