import { END, START, StateGraph } from "@langchain/langgraph";
import { routeAfterEscalate } from "../../src/escalation/handoff.js";
import type { RedactPackage } from "../../src/escalation/package.js";
import type { EscalationRoutingOptions } from "../../src/escalation/routing-rules.js";
import { createAwaitApprovalNode } from "../../src/nodes/await-approval.js";
import { createEscalateNode, type EscalationGateLike } from "../../src/nodes/escalate.js";
import { createGateDraftNode } from "../../src/nodes/gate-draft.js";
import type { GateLike } from "../../src/nodes/gate-like.js";
import { routeAfterApproval, routeAfterGate } from "../../src/nodes/edges.js";
import type { GateInput } from "../../src/types.js";
import { classifyTicket, tableLookup, templateComposer, type AccountLookup, type ReplyComposer } from "./agent.js";
import { redactContacts } from "./redact.js";
import { SupportState, type SentMessage, type SupportStateType } from "./state.js";

/** The support queues: sensitive cases to tier 2, agent trouble to the agent's operators. */
export const SUPPORT_ROUTING: EscalationRoutingOptions = {
  rules: [
    { codes: ["sensitive"], queue: "support-tier2", priority: "high" },
    { codes: ["loop", "repeated_failure"], queue: "agent-ops", priority: "normal" },
  ],
  defaultQueue: "support-tier1",
};

/** Options of {@link createSupportGraph}. */
export interface SupportGraphOptions {
  /** The gate (from `createGate`, with a store). Give it `supportSensitivity()` as its sensitive predicate. */
  gate: GateLike & EscalationGateLike;
  /** Finds the customer's account. @default no accounts (every lookup returns null) */
  lookup?: AccountLookup;
  /** Drafts the reply. @default templateComposer */
  composer?: ReplyComposer;
  /** Delivers a reply (the side effect); the holding message is recorded in `sent` for the host to deliver. @default records it in state only */
  send?: (message: SentMessage) => Promise<void> | void;
  /** Scope the replies are judged under. @default "support:reply" */
  scope?: string;
  /** Escalation queues. @default SUPPORT_ROUTING */
  routing?: EscalationRoutingOptions;
  /** Redaction hook for the escalation package. @default redactContacts (masks e-mails and card numbers) */
  redact?: RedactPackage;
  /** Holding message for the customer on escalation. @default the escalate node's default */
  fallbackMessage?: string;
}

/**
 * The support-reply workflow (DESIGN §7):
 * classify_ticket → lookup_account → draft_reply → gate_draft → send_reply | await_approval | escalate.
 * An escalation sends the customer a holding message and hands the ticket to a human queue; the
 * owner either handles it (ticket closed as handled by a human) or returns it to the agent (the draft
 * then goes through approval). Returned uncompiled so the host picks its checkpointer.
 */
export function createSupportGraph(options: SupportGraphOptions) {
  const scope = options.scope ?? "support:reply";
  const lookup = options.lookup ?? tableLookup([]);
  const composer = options.composer ?? templateComposer;

  const select = (s: SupportStateType): GateInput => ({
    goal: `Resolve support ticket ${s.ticket.id} (${s.category ?? "unclassified"}) for the customer`,
    steps: s.steps,
    draft: { text: s.draft?.text ?? "", args: { to: s.ticket.email, ...(s.draft?.refund ? { refund: s.draft.refund } : {}) } },
    evidence: { ticket: { subject: s.ticket.subject, body: s.ticket.body }, account: s.account },
    scope,
  });

  const deliver = async (message: SentMessage) => {
    await options.send?.(message);
    return [message];
  };

  const afterGate = routeAfterGate({ auto: "send_reply" });
  const afterApproval = routeAfterApproval({ approve: "send_reply", reject: "close_ticket" });
  return new StateGraph(SupportState)
    .addNode("classify_ticket", (s: SupportStateType) => {
      const category = classifyTicket(s.ticket);
      return { category, steps: [{ name: "classify_ticket", output: category }] };
    })
    .addNode("lookup_account", async (s: SupportStateType) => {
      const account = await lookup(s.ticket.accountId);
      const found = account ? { plan: account.plan, tier: account.tier } : null;
      return { account, steps: [...s.steps, { name: "lookup_account", output: found }] };
    })
    .addNode("draft_reply", async (s: SupportStateType) => {
      const draft = await composer(s.ticket, s.category ?? "unclear", s.account);
      const output = { words: draft.text.split(/\s+/).length, refund: draft.refund?.amount ?? null };
      return { draft, steps: [...s.steps, { name: "draft_reply", output }] };
    })
    .addNode("gate_draft", createGateDraftNode<SupportStateType>(options.gate, { select }))
    .addNode(
      "await_approval",
      createAwaitApprovalNode<SupportStateType>(options.gate, {
        action: (s) => ({
          name: "send_reply",
          args: { to: s.ticket.email, text: s.draft?.text ?? "", ...(s.draft?.refund ? { refund: s.draft.refund } : {}) },
        }),
        // The edited action is what executes: its text and its refund (an edited amount, or none).
        onEdit: (edited, s) => ({
          draft: {
            text: typeof edited.args.text === "string" ? edited.args.text : (s.draft?.text ?? ""),
            ...editedRefund(edited.args),
          },
        }),
      }),
    )
    .addNode(
      "escalate",
      createEscalateNode<SupportStateType>(options.gate, {
        select,
        routing: options.routing ?? SUPPORT_ROUTING,
        redact: options.redact ?? redactContacts,
        ...(options.fallbackMessage ? { fallbackMessage: options.fallbackMessage } : {}),
        // The customer hears from us at once, while the ticket waits for its new owner.
        fallbackUpdate: (text, s) => ({ sent: [{ to: s.ticket.email, text, kind: "holding" }] }),
      }),
    )
    .addNode("send_reply", async (s: SupportStateType) => ({
      sent: await deliver({
        to: s.ticket.email,
        text: s.draft?.text ?? "",
        kind: "reply",
        ...(s.draft?.refund ? { refund: s.draft.refund } : {}),
        approvedBy: s.gate?.route === "auto" ? "auto" : "human",
      }),
      status: "replied" as const,
    }))
    .addNode("close_ticket", (s: SupportStateType) => ({
      status: s.escalation?.status === "resolved_by_human" ? ("handled_by_human" as const) : ("closed" as const),
    }))
    .addEdge(START, "classify_ticket")
    .addEdge("classify_ticket", "lookup_account")
    .addEdge("lookup_account", "draft_reply")
    .addEdge("draft_reply", "gate_draft")
    .addConditionalEdges("gate_draft", afterGate, afterGate.pathMap)
    .addConditionalEdges("await_approval", afterApproval, afterApproval.pathMap)
    .addConditionalEdges("escalate", routeAfterEscalate({ resolved: "close_ticket", returned: "await_approval" }), [
      "escalate",
      "close_ticket",
      "await_approval",
    ])
    .addEdge("send_reply", END)
    .addEdge("close_ticket", END);
}

/**
 * The refund of the edited action, which is what executes: the reviewer's `refund: { amount }` (a
 * finite, non-negative amount), or none when the edited action has no refund (the reviewer removed
 * it). Anything else is refused, so a malformed edit never falls back to the original amount.
 */
function editedRefund(args: Record<string, unknown>): { refund?: { amount: number } } {
  if (args.refund === undefined || args.refund === null) return {};
  const amount = (args.refund as { amount?: unknown }).amount;
  if (typeof amount === "number" && Number.isFinite(amount) && amount >= 0) return { refund: { amount } };
  throw new Error("await_approval: the edited refund must be { amount: a non-negative number } or absent");
}
