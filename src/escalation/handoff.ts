import { Annotation } from "@langchain/langgraph";
import type { EscalationCode } from "./codes.js";
import type { EscalationPriority } from "./routing-rules.js";
import type { EscalationPackage, EscalationResolution, EscalationStatus } from "./types.js";

/** What the escalate node keeps in graph state, under the key `escalation`. No draft text. */
export interface EscalationHandoff {
  escalationId: string;
  verdictId: string;
  queue: string;
  priority: EscalationPriority;
  codes: EscalationCode[];
  /** What the end user is told while the owner takes over. */
  fallbackMessage: string;
  /** `open` until the owner resolves it. */
  status: EscalationStatus;
  resolution: EscalationResolution | null;
}

/** The value `escalate` interrupts with: who owns the task now, and everything they need. */
export interface EscalationRequest {
  kind: "escalation";
  escalationId: string;
  queue: string;
  priority: EscalationPriority;
  codes: EscalationCode[];
  /** The redacted package, as persisted. */
  package: EscalationPackage;
  /** What the end user has been told. */
  fallbackMessage: string;
}

function replace(_previous: EscalationHandoff | null, next: EscalationHandoff | null): EscalationHandoff | null {
  return next;
}

/**
 * The state fragment the escalate node writes, spread next to the gate's:
 * `Annotation.Root({ ...MyFields, ...gateStateFields, ...escalationStateFields })`.
 */
export const escalationStateFields = {
  escalation: Annotation<EscalationHandoff | null>({ reducer: replace, default: () => null }),
};

/** Targets after `escalate`. */
export interface EscalateRouteTargets {
  /** Where the graph goes when the owner finished the task (often `END`). */
  resolved: string;
  /** Where the graph goes when the owner handed the task back to the agent. */
  returned: string;
  /** The escalate node's own name: it runs twice, first to hand off, then to wait for the owner. @default "escalate" */
  escalate?: string;
}

/**
 * Conditional edge after `escalate`. The node hands off first (record, fallback message in state)
 * and then, on its second run, interrupts for the owner; this edge loops back while the handoff is
 * open and routes by the owner's resolution afterwards. List all three targets in the path map:
 * `builder.addConditionalEdges("escalate", routeAfterEscalate({ resolved: END, returned: "draft" }), ["escalate", END, "draft"])`.
 */
export function routeAfterEscalate(targets: EscalateRouteTargets) {
  const self = targets.escalate ?? "escalate";
  return (state: { escalation?: EscalationHandoff | null }): string => {
    const status = state.escalation?.status;
    if (status === "resolved_by_human") return targets.resolved;
    if (status === "returned_to_agent") return targets.returned;
    return self;
  };
}
