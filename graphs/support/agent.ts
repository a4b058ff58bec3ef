import type { Account, ReplyDraft, Ticket, TicketCategory } from "./state.js";

/**
 * The demo's support agent, as plain functions a host would back with an LLM and its CRM:
 * classify the ticket, look up the account, draft a reply (offering a refund for a charge).
 */

/** Keyword classification; a real agent would ask a model. */
export function classifyTicket(ticket: Ticket): TicketCategory {
  const text = `${ticket.subject} ${ticket.body}`.toLowerCase();
  if (/charge|refund|invoice|billing|paid/.test(text)) return "billing";
  if (/password|log ?in|locked|2fa|access/.test(text)) return "access";
  if (/error|crash|bug|slow|sync/.test(text)) return "technical";
  return "unclear";
}

/** Looks an account up; the demo keeps a table in memory. */
export type AccountLookup = (accountId: string) => Promise<Account | null> | Account | null;

export function tableLookup(accounts: Account[]): AccountLookup {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return (id) => byId.get(id) ?? null;
}

/** Drafts the reply. A billing ticket gets a refund of the disputed amount (or the last charge). */
export type ReplyComposer = (ticket: Ticket, category: TicketCategory, account: Account | null) => Promise<ReplyDraft> | ReplyDraft;

export const templateComposer: ReplyComposer = (ticket, category, account) => {
  const first = ticket.customer.split(" ")[0] ?? ticket.customer;
  if (category === "billing") {
    const amount = disputedAmount(ticket.body) ?? account?.lastCharge ?? 0;
    return {
      text: `Hi ${first},\n\nSorry about the trouble with your bill. I have issued a refund of ${amount.toFixed(2)} to your original payment method; it shows within 5 business days.\n\nBest,\nSupport`,
      refund: { amount },
    };
  }
  if (category === "access") {
    return {
      text: `Hi ${first},\n\nYou can reset your password from the sign-in page with "Forgot password". If the link does not arrive within 10 minutes, reply here and I will unlock the account for you.\n\nBest,\nSupport`,
    };
  }
  if (category === "technical") {
    return {
      text: `Hi ${first},\n\nThanks for the report. Please update to the latest version and restart the app; that fixes most sync problems. If it persists, reply with the time it happened and I will dig into the logs.\n\nBest,\nSupport`,
    };
  }
  return { text: `Hi ${first},\n\nThanks for reaching out. Could you tell me a bit more about what you need help with?\n\nBest,\nSupport` };
};

function disputedAmount(text: string): number | null {
  const match = /(?:\$|€|£)\s?(\d+(?:\.\d{1,2})?)/.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}
