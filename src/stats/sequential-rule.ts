import type { AgreementCounts, FlipPolicy } from "./flip-types.js";
import { summarize } from "./agreement.js";
import { rejectedPassRule, type RejectedPassRule } from "./rejected-pass-rate.js";
import { alphaForRestart, sequentialTest, sprtLogRatio, type SequentialTest } from "./sequential.js";

export type SequentialPolicy = Pick<
  FlipPolicy,
  | "minDecided"
  | "minAgreement"
  | "targetAgreement"
  | "minPassPrecision"
  | "targetPassPrecision"
  | "alpha"
  | "maxRejectedPassRate"
>;

export interface SequentialRule {
  /** The error level of this body of evidence (α split across restarts). */
  alpha: number;
  agreement: SequentialTest;
  passPrecision: SequentialTest;
  rejected: RejectedPassRule;
  eligible: boolean;
  /** Every failing condition, with its numbers. */
  reasons: string[];
  /** The guarantee in words. */
  guarantee: string;
}

/**
 * The sequential preset's promotion rule on one body of evidence (`restart` = how many times the
 * scope's evidence count restarted before it, i.e. its epoch): eligible iff
 * - n ≥ minDecided (a floor, not the guarantee);
 * - the SPRT of agreement, minAgreement against targetAgreement, has crossed ln(1/αₖ);
 * - the SPRT of pass precision (approve rate among decided passes), minPassPrecision against
 *   targetPassPrecision, has crossed ln(1/αₖ);
 * - no rejected pass, or at least ⌈1/maxRejectedPassRate⌉ clean decided passes since the latest.
 * Each SPRT alone bounds the chance of ever flipping a gate at or below its null level by αₖ, and
 * Σₖ αₖ = α. O(1): it reads the six counters.
 */
export function evaluateSequential(counts: Readonly<AgreementCounts>, policy: Readonly<SequentialPolicy>, restart = 0): SequentialRule {
  const s = summarize(counts);
  const alpha = alphaForRestart(policy.alpha, restart);
  const agreement = sequentialTest(s.agree, s.n - s.agree, policy.minAgreement, policy.targetAgreement, alpha);
  const passNot = s.passes - counts.passApprove;
  const passPrecision = sequentialTest(counts.passApprove, passNot, policy.minPassPrecision, policy.targetPassPrecision, alpha);
  const rejected = rejectedPassRule(s.rejectedPasses, s.passes, counts.passesAtLastReject ?? 0, policy.maxRejectedPassRate);
  const reasons: string[] = [];
  if (s.n < policy.minDecided) reasons.push(`${s.n} decided verdict${s.n === 1 ? "" : "s"}, ${policy.minDecided} needed`);
  if (!agreement.accepted) {
    reasons.push(
      `agreement test ${agreement.logRatio.toFixed(2)} < ${agreement.threshold.toFixed(2)} ` +
        `(${s.agree}/${s.n} agree; SPRT ${policy.minAgreement} vs ${policy.targetAgreement} at α ${formatAlpha(alpha)})`,
    );
  }
  if (!passPrecision.accepted) {
    reasons.push(
      `pass-precision test ${passPrecision.logRatio.toFixed(2)} < ${passPrecision.threshold.toFixed(2)} ` +
        `(${counts.passApprove}/${s.passes} passes approved; SPRT ${policy.minPassPrecision} vs ${policy.targetPassPrecision})`,
    );
  }
  if (!rejected.ok) {
    reasons.push(
      `${s.rejectedPasses} rejected pass${s.rejectedPasses === 1 ? "" : "es"} in ${s.passes} decided passes: ` +
        `${rejected.cleanPassesSince} clean passes since the latest, ${rejected.recovery} needed ` +
        `(at most one rejected pass per ${rejected.recovery} passes, max rate ${policy.maxRejectedPassRate})`,
    );
  }
  const guarantee =
    `if true agreement were at or below ${policy.minAgreement.toFixed(2)}, or pass precision at or below ` +
    `${policy.minPassPrecision.toFixed(2)}, the chance this scope would ever have become eligible is ≤ ${formatPercent(policy.alpha)}, ` +
    `however often it is checked`;
  return { alpha, agreement, passPrecision, rejected, eligible: reasons.length === 0, reasons, guarantee };
}

/**
 * Just the answer of {@link evaluateSequential}, without the reasons: the same conditions, cheap
 * enough for the simulation harness to ask after every one of millions of decisions.
 */
export function isSequentiallyEligible(counts: Readonly<AgreementCounts>, policy: Readonly<SequentialPolicy>, restart = 0): boolean {
  const passes = counts.passApprove + counts.passEdit + counts.passReject;
  const n = passes + counts.failApprove + counts.failEdit + counts.failReject;
  if (n < policy.minDecided) return false;
  const bar = Math.log(1 / alphaForRestart(policy.alpha, restart));
  const agree = counts.passApprove + counts.failEdit + counts.failReject;
  if (sprtLogRatio(agree, n - agree, policy.minAgreement, policy.targetAgreement) < bar) return false;
  if (sprtLogRatio(counts.passApprove, passes - counts.passApprove, policy.minPassPrecision, policy.targetPassPrecision) < bar) return false;
  return rejectedPassRule(counts.passReject, passes, counts.passesAtLastReject ?? 0, policy.maxRejectedPassRate).ok;
}

function formatAlpha(alpha: number): string {
  return alpha >= 0.001 ? alpha.toFixed(4) : alpha.toExponential(2);
}

function formatPercent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}
