import type { FlipPolicy } from "./flip-types.js";
import type { DecisionType } from "../types.js";
import { agrees } from "./agreement.js";
import { cusumPeak, designCusum } from "./cusum.js";

/** One decided outcome the breaker watches: a decided auto-mode verdict or a review of a pass. */
export interface BreakerObservation {
  passed: boolean;
  decision: DecisionType;
  /** A severe event (e.g. a rejected pass on a sensitive or high-value draft): trips at once. */
  severe?: boolean;
}

export type BreakerPolicy = Pick<
  FlipPolicy,
  | "breakerAgreement"
  | "breakerDriftAgreement"
  | "breakerPassPrecision"
  | "breakerDriftPassPrecision"
  | "breakerFalseTripRate"
  | "breakerHorizon"
  | "breakerTripOnRejectedPass"
>;

export interface BreakerCheck {
  trip: boolean;
  reason?: string;
  /** Decided observations on agreement (all decided verdicts). */
  n: number;
  /** Decided passes (audit samples and post-hoc reviews) the pass-precision detector saw. */
  passes: number;
  /** Each detector's peak statistic and its alarm threshold. */
  agreement: { peak: number; threshold: number };
  passPrecision: { peak: number; threshold: number };
}

/**
 * A post-hoc review of an executed auto-approval as a breaker observation: a "wrong" finding
 * counts as a rejected pass, a "right" one as an approved pass (DESIGN §5, post-hoc audit).
 */
export function passReviewObservation(wrong: boolean, severe = false): BreakerObservation {
  return { passed: true, decision: wrong ? "reject" : "approve", ...(severe ? { severe } : {}) };
}

/**
 * The CUSUM breaker (DESIGN §5): two change detectors, one on agreement over every decided
 * auto-mode verdict and one on pass precision over decided passes only — audit samples plus
 * post-hoc reviews — because in auto mode the harm is a bad pass and the decided verdicts are
 * mostly fails. Each detector gets half of `breakerFalseTripRate`: a gate exactly at the
 * in-control levels trips with probability ≤ that rate within `breakerHorizon` observations.
 * A severe rejected pass (or any, with `breakerTripOnRejectedPass`) trips at once.
 *
 * Pure and recomputed from the stream (oldest first), so the state is the decisions themselves.
 */
export function checkBreaker(
  decided: ReadonlyArray<BreakerObservation>,
  policy: Readonly<BreakerPolicy>,
  passReviews: ReadonlyArray<BreakerObservation> = [],
): BreakerCheck {
  const stream = decided.filter((o) => o.decision !== "skip");
  const passStream = [...stream.filter((o) => o.passed), ...passReviews.filter((o) => o.passed && o.decision !== "skip")];
  const half = policy.breakerFalseTripRate / 2;
  const onAgreement = designCusum(1 - policy.breakerAgreement, 1 - policy.breakerDriftAgreement, half, policy.breakerHorizon);
  const onPasses = designCusum(1 - policy.breakerPassPrecision, 1 - policy.breakerDriftPassPrecision, half, policy.breakerHorizon);
  const agreementPeak = cusumPeak(
    stream.map((o) => agrees(o.passed, o.decision) === false),
    onAgreement.inControl,
    onAgreement.outOfControl,
  ).peak;
  const passPeak = cusumPeak(
    passStream.map((o) => o.decision !== "approve"),
    onPasses.inControl,
    onPasses.outOfControl,
  ).peak;
  const base = {
    n: stream.length,
    passes: passStream.length,
    agreement: { peak: agreementPeak, threshold: onAgreement.threshold },
    passPrecision: { peak: passPeak, threshold: onPasses.threshold },
  };
  const rejected = passStream.filter((o) => o.decision === "reject");
  const severe = rejected.filter((o) => o.severe || policy.breakerTripOnRejectedPass);
  if (severe.length > 0) {
    return { ...base, trip: true, reason: `${severe.length === 1 ? "a severe rejected pass" : `${severe.length} severe rejected passes`} trips at once` };
  }
  if (passPeak >= onPasses.threshold) {
    const approved = passStream.filter((o) => o.decision === "approve").length;
    return {
      ...base,
      trip: true,
      reason:
        `pass precision drifted: CUSUM ${passPeak.toFixed(2)} ≥ ${onPasses.threshold.toFixed(2)} ` +
        `(${approved}/${passStream.length} decided passes approved; in control at ${policy.breakerPassPrecision.toFixed(2)})`,
    };
  }
  if (agreementPeak >= onAgreement.threshold) {
    const agreeing = stream.filter((o) => agrees(o.passed, o.decision)).length;
    return {
      ...base,
      trip: true,
      reason:
        `agreement drifted: CUSUM ${agreementPeak.toFixed(2)} ≥ ${onAgreement.threshold.toFixed(2)} ` +
        `(${agreeing}/${stream.length} decided auto-mode verdicts agreed; in control at ${policy.breakerAgreement.toFixed(2)})`,
    };
  }
  return { ...base, trip: false };
}
