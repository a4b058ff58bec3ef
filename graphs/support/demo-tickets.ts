import type { EscalationOutcome } from "../../src/escalation/types.js";
import type { Account, Ticket } from "./state.js";

/** The demo's accounts: one ordinary, one high-value. */
export const DEMO_ACCOUNTS: Account[] = [
  { id: "acc-001", plan: "pro", tier: "standard", lifetimeValue: 420, lastCharge: 29 },
  { id: "acc-002", plan: "team", tier: "standard", lifetimeValue: 2_900, lastCharge: 480 },
  { id: "acc-900", plan: "enterprise", tier: "enterprise", lifetimeValue: 250_000, lastCharge: 9_000 },
];

/**
 * A ticket and what the scripted humans do with it: the reviewer's decision if the draft reaches
 * approval, and the owner's resolution if it escalates.
 */
export interface DemoTicket extends Ticket {
  review: "approve" | "reject";
  owner: { resolution: EscalationOutcome; appropriate: boolean; sufficient: boolean; note?: string };
}

const handled = { resolution: "resolved_by_human", appropriate: true, sufficient: true } as const;

export const DEMO_TICKETS: DemoTicket[] = [
  {
    id: "T-100", customer: "Ada Moreau", email: "ada@example.com", accountId: "acc-001",
    subject: "Can't log in", body: "I forgot my password and the login page keeps rejecting me.",
    review: "approve", owner: handled,
  },
  {
    id: "T-101", customer: "Ben Okafor", email: "ben@example.com", accountId: "acc-001",
    subject: "Charged twice", body: "I was charged $29 twice this month, please refund one.",
    review: "approve", owner: handled,
  },
  {
    id: "T-102", customer: "Chen Wu", email: "chen@example.com", accountId: "acc-002",
    subject: "Refund for annual plan", body: "I was billed $480 for a plan I cancelled. I want the money back.",
    review: "approve", owner: { ...handled, note: "refund approved by billing lead" },
  },
  {
    id: "T-103", customer: "Dana Reyes", email: "dana@example.com", accountId: "acc-001",
    subject: "Unacceptable", body: "Third time the sync breaks. Fix it this week or my lawyer will be in touch.",
    review: "approve", owner: { ...handled, sufficient: false, note: "needed the sync logs, not in the package" },
  },
  {
    id: "T-104", customer: "Eli Sato", email: "eli@bigco.example", accountId: "acc-900",
    subject: "Locked out", body: "Locked out after the 2fa change, can you help?",
    review: "approve", owner: { resolution: "returned_to_agent", appropriate: false, sufficient: true, note: "routine; let the agent answer" },
  },
  {
    id: "T-105", customer: "Fay Ito", email: "fay@example.com", accountId: "acc-001",
    subject: "Hello?", body: "Hello? Anyone there?",
    review: "approve", owner: { ...handled, note: "customer wanted a quote: sent to sales" },
  },
];
