import type { GateStore } from "../store/types.js";
import type { Verdict } from "../types.js";

/** One item of the post-hoc audit: an executed auto-approval a person checks ok or wrong. */
export interface AuditItem {
  verdict: Verdict;
  /** Why it is in the queue, in words. */
  why: string;
}

/**
 * Produces the audit queue. The default is the post-hoc sample (DESIGN §5): executed
 * auto-approvals drawn for review after the fact and not reviewed yet; a host may pass its own.
 */
export type AuditQueueSource = (store: GateStore, options: { window: number }) => Promise<AuditItem[]>;

/** The sampled, executed auto-approvals waiting for their post-hoc review, oldest first. */
export const postHocSample: AuditQueueSource = async (store, { window }) =>
  (await store.postHocQueue({ limit: window })).map((verdict) => ({ verdict, why: "drawn for the post-hoc audit: executed without a human, waiting for a review" }));
