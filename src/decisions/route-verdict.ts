import type { CompetenceOptions } from "../competence/options.js";
import { decideRoute } from "./decide-route.js";
import { isAuditSampled } from "../stats/audit-sample.js";
import { DEFAULT_POST_HOC_RATE, isPostHocSampled } from "../stats/post-hoc-sample.js";
import type { FlipPolicy, GateStore } from "../store/types.js";
import type { Verdict } from "../types.js";
import { scopeEligibility } from "./eligibility.js";
import { policyFor } from "./policy-for.js";

/** The evaluation part of a verdict, as the gate's assessor produces it. */
export type AssessedDraft = Pick<
  Verdict,
  "draftHash" | "levels" | "composite" | "passed" | "violations" | "unscored" | "rationale" | "provenance"
>;

export interface RouteMeta {
  id: string;
  scope: string;
  threadId: string;
  createdAt: string;
  killSwitch: boolean;
  /** Escalation trigger codes that fired for this draft. */
  escalation: string[];
  gatePolicy?: FlipPolicy;
  /** The competence ledger's options; with `enforce`, auto also requires the autonomous band. */
  competence?: CompetenceOptions;
  /** Share of auto routes queued for the post-hoc audit. @default 0.05 */
  postHocRate?: number;
}

/**
 * Routes an assessed draft for its scope (DESIGN §4) and persists the verdict. An auto route is
 * stamped in the verdict and, by the store in the same transaction, in the audit log. Saving is insert-or-ignore by the deterministic id,
 * so a concurrent or repeated run returns the verdict already stored.
 */
export async function routeAndRecord(store: GateStore, assessed: AssessedDraft, meta: RouteMeta): Promise<Verdict> {
  const { state } = await store.setProvenanceKey(meta.scope, assessed.provenance.provenanceKey);
  const policy = policyFor(state, meta.gatePolicy);
  const eligibility = await scopeEligibility(store, state, meta.gatePolicy, meta.competence);
  const decision = decideRoute(assessed, {
    mode: state.mode,
    eligible: eligibility.eligible,
    breaker: state.breaker,
    killSwitch: meta.killSwitch,
    auditSampled: isAuditSampled(assessed.draftHash, policy.auditRate, meta.scope),
    escalation: meta.escalation,
  });
  const verdict: Verdict = {
    id: meta.id,
    scope: meta.scope,
    threadId: meta.threadId,
    ...assessed,
    mode: state.mode,
    route: decision.route,
    auditSampled: decision.auditSampled,
    escalation: meta.escalation,
    eligibility,
    createdAt: meta.createdAt,
  };
  if (decision.route === "auto" && isPostHocSampled(meta.id, meta.postHocRate ?? DEFAULT_POST_HOC_RATE, meta.scope)) {
    verdict.postHocSampled = true;
  }
  const saved = await store.saveVerdict(verdict);
  return saved.verdict;
}
