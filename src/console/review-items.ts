import { escalationIdFor } from "../escalation/package.js";
import type { EscalationRecord } from "../escalation/types.js";
import type { GateStore } from "../store/types.js";
import type { Draft, Verdict } from "../types.js";
import type { DraftLookup } from "./options.js";

/** Where the draft shown with a review item came from. */
export type DraftSource = "host" | "escalation" | "none";

/** One undecided verdict routed to a person, with what the page can show of its draft. */
export interface ReviewItem {
  verdict: Verdict;
  draft: Draft | null;
  draftSource: DraftSource;
  escalation: EscalationRecord | null;
}

/**
 * The review queue: undecided verdicts routed to a person (`human`, and `escalate` ones that got no
 * decision), oldest first, over the latest `window` verdicts of each scope. The draft comes from
 * the host's lookup if given, else from the escalation package (after the host's redaction hook),
 * else it is not available: verdict rows keep only the draft's hash.
 */
export async function reviewItems(store: GateStore, options: { window: number; drafts?: DraftLookup | undefined }): Promise<ReviewItem[]> {
  const scopes = await store.listScopes();
  const lists = await Promise.all(scopes.map((s) => store.listVerdicts({ scope: s.scope, limit: options.window })));
  const pending = lists
    .flat()
    .filter((v) => v.route !== "auto" && v.decision === undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return Promise.all(pending.map((verdict) => reviewItem(store, verdict, options.drafts)));
}

export async function reviewItem(store: GateStore, verdict: Verdict, drafts?: DraftLookup): Promise<ReviewItem> {
  const escalation = verdict.route === "escalate" ? await store.getEscalation(escalationIdFor(verdict.id)) : null;
  const fromHost = drafts ? await drafts(verdict) : null;
  if (fromHost) return { verdict, draft: fromHost, draftSource: "host", escalation };
  if (escalation) return { verdict, draft: escalation.package.bestGuess, draftSource: "escalation", escalation };
  return { verdict, draft: null, draftSource: "none", escalation };
}
