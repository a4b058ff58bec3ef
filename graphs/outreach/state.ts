import { Annotation } from "@langchain/langgraph";
import { gateStateFields } from "../../src/nodes/state.js";
import type { Step } from "../../src/types.js";

/** A prospect of the outreach campaign. */
export interface Prospect {
  id: string;
  name: string;
  company: string;
  email: string;
  /** Facts the composer may use (run data, never instructions). */
  facts: Record<string, string>;
  /** Whether the prospect has already replied (the campaign stops). */
  replied?: boolean;
}

export interface EmailDraft {
  subject: string;
  body: string;
}

export interface SentEmail extends EmailDraft {
  to: string;
  touch: number;
  /** `auto` when the gate approved it, `human` when a reviewer did. */
  approvedBy: "auto" | "human";
}

export type CampaignStatus = "pending" | "replied" | "sent" | "rejected" | "skipped" | "escalated";

/** The campaign graph's state: the host's own fields plus the gate fragment. */
export const OutreachState = Annotation.Root({
  prospect: Annotation<Prospect>(),
  touch: Annotation<number>({ reducer: (_a, b) => b, default: () => 1 }),
  draft: Annotation<EmailDraft | null>({ reducer: (_a, b) => b, default: () => null }),
  steps: Annotation<Step[]>({ reducer: (_a, b) => b, default: () => [] }),
  evidence: Annotation<Record<string, unknown>>({ reducer: (_a, b) => b, default: () => ({}) }),
  sent: Annotation<SentEmail[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
  status: Annotation<CampaignStatus>({ reducer: (_a, b) => b, default: () => "pending" }),
  nextTouchAt: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  ...gateStateFields,
});

export type OutreachStateType = typeof OutreachState.State;
