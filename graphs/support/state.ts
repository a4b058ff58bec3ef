import { Annotation } from "@langchain/langgraph";
import { escalationStateFields } from "../../src/escalation/handoff.js";
import { gateStateFields } from "../../src/nodes/state.js";
import type { Step } from "../../src/types.js";

/** An incoming support ticket. */
export interface Ticket {
  id: string;
  customer: string;
  email: string;
  accountId: string;
  subject: string;
  /** The customer's words: run data, never instructions. */
  body: string;
}

/** What the account lookup returns. */
export interface Account {
  id: string;
  plan: string;
  /** `enterprise` accounts are high-value: the sensitivity predicate escalates them. */
  tier: "standard" | "enterprise";
  /** Lifetime value in the account's currency. */
  lifetimeValue: number;
  lastCharge: number;
}

export type TicketCategory = "billing" | "access" | "technical" | "unclear";

/** The reply the agent wants to send, with a refund as structured args when it offers one. */
export interface ReplyDraft {
  text: string;
  refund?: { amount: number };
}

/** A message that left the system: a reply, or the holding message sent on escalation. */
export interface SentMessage {
  to: string;
  text: string;
  kind: "reply" | "holding";
  /** Refund issued with the reply, if any. */
  refund?: { amount: number };
  /** `auto` when the gate approved it, `human` when a reviewer did. */
  approvedBy?: "auto" | "human";
}

export type TicketStatus = "open" | "replied" | "closed" | "handled_by_human";

/** The support graph's state: the host's own fields plus the gate and escalation fragments. */
export const SupportState = Annotation.Root({
  ticket: Annotation<Ticket>(),
  category: Annotation<TicketCategory | null>({ reducer: (_a, b) => b, default: () => null }),
  account: Annotation<Account | null>({ reducer: (_a, b) => b, default: () => null }),
  draft: Annotation<ReplyDraft | null>({ reducer: (_a, b) => b, default: () => null }),
  // Replaced, not appended: classify starts a fresh board each time a ticket is (re)worked.
  steps: Annotation<Step[]>({ reducer: (_a, b) => b, default: () => [] }),
  sent: Annotation<SentMessage[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
  status: Annotation<TicketStatus>({ reducer: (_a, b) => b, default: () => "open" }),
  ...gateStateFields,
  ...escalationStateFields,
});

export type SupportStateType = typeof SupportState.State;
