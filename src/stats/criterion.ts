import type { AgreementCounts, FlipPolicy } from "./flip-types.js";
import type { Eligibility } from "../types.js";
import { summarize } from "./agreement.js";
import { cohensKappa } from "./kappa.js";
import { evaluateSequential } from "./sequential-rule.js";
import { wilsonLower } from "./wilson.js";

/**
 * Whether a scope may auto-approve on this evidence (DESIGN §5). Sequential preset (the default):
 * see {@link evaluateSequential}; `restart` is the scope's evidence epoch, which splits α across
 * restarts of the count. Seed preset (`default`): n ≥ minDecided ∧
 * agreement ≥ minAgreement ∧ rejectedPasses ≤ maxRejectedPasses. Strict preset additionally:
 * Wilson lower bound ≥ minWilsonLower ∧ κ ≥ minKappa, where an undefined κ refuses.
 *
 * O(1) in the number of verdicts: it reads six counters, so it can run on every gated draft.
 * `reasons` names every failing condition with its numbers; the statistics are always filled so
 * the operator sees the uncertainty even when the scope is eligible.
 */
export function evaluateEligibility(counts: Readonly<AgreementCounts>, policy: Readonly<FlipPolicy>, restart = 0): Eligibility {
  const { n, agree, agreement, rejectedPasses } = summarize(counts);
  const lower = wilsonLower(agree, n);
  const kappa = cohensKappa(counts);
  if (policy.preset === "sequential") {
    const rule = evaluateSequential(counts, policy, restart);
    return { eligible: rule.eligible, reasons: rule.reasons, n, agreement, wilsonLower: lower, kappa, rejectedPasses, guarantee: rule.guarantee };
  }
  const reasons: string[] = [];

  if (n < policy.minDecided) {
    reasons.push(`${plural(n, "decided verdict")}, ${policy.minDecided} needed`);
  }
  if (agreement === null) {
    reasons.push("agreement not measured yet (no decided verdicts)");
  } else if (agreement < policy.minAgreement) {
    reasons.push(`agreement ${compare(agreement, policy.minAgreement)} (${agree}/${n})`);
  }
  if (rejectedPasses > policy.maxRejectedPasses) {
    reasons.push(`${plural(rejectedPasses, "rejected pass", "rejected passes")} (max ${policy.maxRejectedPasses})`);
  }
  if (policy.preset === "strict") {
    if (lower === null) {
      reasons.push("Wilson lower bound not measured yet (no decided verdicts)");
    } else if (lower < policy.minWilsonLower) {
      reasons.push(`Wilson lower bound ${compare(lower, policy.minWilsonLower)}`);
    }
    if (kappa === null) {
      reasons.push(
        n === 0
          ? "Cohen's κ not measured yet (no decided verdicts)"
          : "Cohen's κ undefined: the gate and the human each gave a single answer, so chance agreement is 1",
      );
    } else if (kappa < policy.minKappa) {
      reasons.push(`Cohen's κ ${compare(kappa, policy.minKappa)}`);
    }
  }

  return { eligible: reasons.length === 0, reasons, n, agreement, wilsonLower: lower, kappa, rejectedPasses };
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "0.72 < 0.80", with more digits when two decimals would print the value equal to its bound. */
function compare(value: number, bound: number): string {
  let digits = 2;
  while (digits < 6 && value.toFixed(digits) === bound.toFixed(digits)) digits += 1;
  return `${value.toFixed(digits)} < ${bound.toFixed(digits)}`;
}
