import type { GateStore } from "../store/types.js";
import type { Verdict } from "../types.js";

/** One item of the post-hoc audit: an executed auto-approval a person checks ok or wrong. */
export interface AuditItem {
  verdict: Verdict;
  /** Why it is in the queue, in words. */
  why: string;
}

/**
 * Produces the audit queue. The default reads the executed auto-approvals (route `auto`) that
 * carry no decision yet; a post-hoc sampler can replace it (the console only needs this shape).
 */
export type AuditQueueSource = (store: GateStore, options: { window: number }) => Promise<AuditItem[]>;

/** Executed auto-approvals not yet audited, newest first, over the latest `window` verdicts per scope. */
export const executedAutoApprovals: AuditQueueSource = async (store, { window }) => {
  const scopes = await store.listScopes();
  const lists = await Promise.all(scopes.map((s) => store.listVerdicts({ scope: s.scope, limit: window })));
  return lists
    .flat()
    .filter((v) => v.route === "auto" && v.decision === undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((verdict) => ({ verdict, why: "auto-approved and executed; not audited yet" }));
};
