import { withCompetence } from "../competence/enforce.js";
import { resolveCompetence, type CompetenceOptions } from "../competence/options.js";
import { evaluateEligibility } from "../stats/criterion.js";
import { summarize } from "../stats/agreement.js";
import { counterDifferences } from "../store/recount.js";
import type { AgreementCounts, FlipPolicy, GateStore, ScopeState } from "../store/types.js";
import type { Eligibility } from "../types.js";
import { policyFor } from "./policy-for.js";

/**
 * Eligibility of a scope on its current evidence: the counters of (scope, current provenance key,
 * current epoch). One primary-key read, so it stays flat however long the history grows. When the
 * host opts in to the competence ledger (`competence.enforce`), the autonomous band is required
 * too: one more primary-key read.
 *
 * With `recount` (the promotion to auto, and the operator's status), an eligible scope's counters
 * must also equal a recount of its decision rows, so a counter edited by hand never promotes. The
 * recount reads the scope's decided verdicts, so the draft path does not ask for it.
 */
export async function scopeEligibility(
  store: GateStore,
  state: ScopeState,
  gatePolicy?: FlipPolicy,
  competence?: CompetenceOptions,
  options: { recount?: boolean } = {},
): Promise<Eligibility> {
  if (!state.provenanceKey) {
    return { eligible: false, reasons: ["no verdicts yet"], n: 0, agreement: null, wilsonLower: null, kappa: null, rejectedPasses: 0 };
  }
  const counts = await store.getCounts(state.scope, state.provenanceKey, state.epoch);
  const policy = policyFor(state, gatePolicy);
  let eligibility = withRevival(evaluateEligibility(counts, policy, state.epoch), counts, state, policy);
  if (eligibility.eligible && options.recount === true) {
    const differences = counterDifferences(counts, await store.recountCounts(state.scope, state.provenanceKey, state.epoch));
    if (differences.length > 0) {
      eligibility = { ...eligibility, eligible: false, reasons: [`counters do not match a recount of the decisions (${differences.join("; ")}); run \`autonomy-gate audit verify\``] };
    }
  }
  if (!competence?.enforce) return eligibility;
  const config = resolveCompetence(competence);
  const strength = (await store.getCompetence(state.scope))?.strength ?? config.initial;
  return withCompetence(eligibility, strength, config);
}

/**
 * Revived evidence (A → B → A) is announced, not trusted blindly: until `revivalConfirmations`
 * agreeing decisions have been added to it since the scope came back, it is not eligible.
 */
function withRevival(eligibility: Eligibility, counts: AgreementCounts, state: ScopeState, policy: FlipPolicy): Eligibility {
  if (state.revivedAgree === null) return eligibility;
  const fresh = summarize(counts).agree - state.revivedAgree;
  if (fresh >= policy.revivalConfirmations) return eligibility;
  const reason =
    `evidence revived (the scope returned to an earlier configuration): ${Math.max(0, fresh)} of ` +
    `${policy.revivalConfirmations} fresh agreeing decisions needed before auto`;
  return { ...eligibility, eligible: false, reasons: [...eligibility.reasons, reason] };
}
