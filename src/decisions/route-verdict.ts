import type { CompetenceOptions } from "../competence/options.js";
import { decideRoute } from "./decide-route.js";
import { isAuditSampled } from "../stats/audit-sample.js";
import { canonicalJson } from "../hash.js";
import { DEFAULT_FLIP_POLICY } from "../stats/policy.js";
import { DEFAULT_POST_HOC_RATE, isPostHocSampled } from "../stats/post-hoc-sample.js";
import type { FlipPolicy, GateStore, ScopeState } from "../store/types.js";
import type { Mode, Route, Verdict } from "../types.js";
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
  const state = await recordPolicy(store, (await store.setProvenanceKey(meta.scope, assessed.provenance.provenanceKey)).state, meta.gatePolicy);
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
    ...(isBlind(state.mode, decision.route, meta.id, policy, meta.scope) ? { blind: true } : {}),
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

/**
 * The gate's policy becomes the scope's policy of record (stored, versioned, audited as
 * `policy_change` by actor `gate`) when the scope has none and the gate runs with anything but
 * the default, so `status`, `mode`, `switchMode`, `computeStatus` and the certificate judge
 * eligibility as the gate does. A stored policy is left alone: it is the one in force.
 */
async function recordPolicy(store: GateStore, state: ScopeState, gatePolicy: FlipPolicy | undefined): Promise<ScopeState> {
  if (state.policy !== null || gatePolicy === undefined) return state;
  if (canonicalJson(gatePolicy) === canonicalJson(DEFAULT_FLIP_POLICY)) return state;
  return store.setPolicy(state.scope, gatePolicy, "gate");
}

/**
 * A shadow-mode interrupt is drawn for a blind review — no verdict, score or rationale in the
 * payload — with probability `blindRate`, deterministically from the verdict id (scope, thread and
 * draft), so a re-run of the node draws alike, the same draft on two threads is drawn apart, and
 * blind reviews and audit samples are independent draws.
 */
function isBlind(mode: Mode, route: Route, verdictId: string, policy: FlipPolicy, scope: string): boolean {
  return mode === "shadow" && route === "human" && isAuditSampled(verdictId, policy.blindRate, `blind:${scope}`);
}
