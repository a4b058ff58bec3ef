import { END, START, StateGraph } from "@langchain/langgraph";
import { createAwaitApprovalNode } from "../../src/nodes/await-approval.js";
import { createGateDraftNode } from "../../src/nodes/gate-draft.js";
import type { GateLike } from "../../src/nodes/gate-like.js";
import { routeAfterApproval, routeAfterGate } from "../../src/nodes/edges.js";
import { templateComposer, type Composer } from "./composer.js";
import { OutreachState, type OutreachStateType, type SentEmail } from "./state.js";

/** Options of {@link createOutreachGraph}. */
export interface OutreachGraphOptions {
  /** The gate (from `createGate`). */
  gate: GateLike;
  /** Writes each touch. @default templateComposer */
  composer?: Composer;
  /** Delivers an approved email (the side effect). @default records it in state only */
  send?: (email: SentEmail) => Promise<void> | void;
  /** Scope the drafts are judged under. @default "outreach:first_touch" */
  scope?: string;
  /** Days until the next touch. @default 3 */
  followUpDays?: number;
  /** Clock. @default () => new Date() */
  now?: () => Date;
}

/**
 * The campaign graph of the source write-up:
 * check_reply → compose_touch → gate_draft → await_approval → send_touch → schedule_next.
 * Returned uncompiled so the host picks its checkpointer.
 */
export function createOutreachGraph(options: OutreachGraphOptions) {
  const composer = options.composer ?? templateComposer;
  const scope = options.scope ?? "outreach:first_touch";
  const now = options.now ?? (() => new Date());
  const followUpDays = options.followUpDays ?? 3;

  const gateDraft = createGateDraftNode<OutreachStateType>(options.gate, {
    select: (s) => ({
      goal: `Book a first call with ${s.prospect.name} at ${s.prospect.company}`,
      steps: s.steps,
      draft: { text: s.draft?.body ?? "", args: { to: s.prospect.email, subject: s.draft?.subject ?? "" } },
      evidence: s.evidence,
      scope,
    }),
  });

  const awaitApproval = createAwaitApprovalNode<OutreachStateType>(options.gate, {
    allowedDecisions: ["approve", "edit", "reject", "skip"],
    action: (s) => ({
      name: "send_email",
      args: { to: s.prospect.email, subject: s.draft?.subject ?? "", body: s.draft?.body ?? "" },
    }),
    onEdit: (edited, s) => ({
      draft: {
        subject: typeof edited.args.subject === "string" ? edited.args.subject : (s.draft?.subject ?? ""),
        body: typeof edited.args.body === "string" ? edited.args.body : (s.draft?.body ?? ""),
      },
    }),
  });

  // No escalate node in this campaign: an escalation goes to the human reviewer.
  const afterGate = routeAfterGate({ auto: "send_touch", escalate: "await_approval" });
  // The campaign opts into skip (a touch left for later), so skip has its own explicit target.
  const afterApproval = routeAfterApproval({ approve: "send_touch", reject: "schedule_next", skip: "schedule_next" });

  return new StateGraph(OutreachState)
    .addNode("check_reply", (s: OutreachStateType) => ({ status: s.prospect.replied ? "replied" : "pending" }))
    .addNode("compose_touch", async (s: OutreachStateType) => {
      const composed = await composer(s.prospect, s.touch);
      return { draft: composed.draft, steps: composed.steps, evidence: composed.evidence };
    })
    .addNode("gate_draft", gateDraft)
    .addNode("await_approval", awaitApproval)
    .addNode("send_touch", async (s: OutreachStateType) => {
      const email: SentEmail = {
        to: s.prospect.email,
        subject: s.draft?.subject ?? "",
        body: s.draft?.body ?? "",
        touch: s.touch,
        approvedBy: s.gate?.route === "auto" ? "auto" : "human",
      };
      await options.send?.(email);
      return { sent: [email], status: "sent" as const };
    })
    .addNode("schedule_next", (s: OutreachStateType) => ({
      nextTouchAt: new Date(now().getTime() + followUpDays * 86_400_000).toISOString(),
      status: s.status === "sent" ? ("sent" as const) : s.gate?.decision?.type === "skip" ? ("skipped" as const) : ("rejected" as const),
    }))
    .addEdge(START, "check_reply")
    .addConditionalEdges("check_reply", (s: OutreachStateType) => (s.status === "replied" ? END : "compose_touch"), [
      "compose_touch",
      END,
    ])
    .addEdge("compose_touch", "gate_draft")
    .addConditionalEdges("gate_draft", afterGate, afterGate.pathMap)
    .addConditionalEdges("await_approval", afterApproval, afterApproval.pathMap)
    .addEdge("send_touch", "schedule_next")
    .addEdge("schedule_next", END);
}
