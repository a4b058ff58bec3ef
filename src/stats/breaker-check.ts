import type { FlipPolicy } from "./flip-types.js";
import type { DecisionType } from "../types.js";
import { checkBreaker } from "./breaker.js";
import { checkSwingBack } from "./swing-back.js";

/**
 * The breaker the policy names, on the latest decided auto-mode verdicts (newest first): the
 * window rule, or the CUSUM detectors on pass precision and agreement (which read the stream
 * oldest first). `passReviews` are post-hoc reviews of executed auto-approvals (see
 * `passReviewObservation`), counted by the pass-precision detector. Pure: the store runs it inside
 * the decision's transaction.
 */
export function breakerCheck(
  recent: ReadonlyArray<{ passed: boolean; decision: DecisionType }>,
  policy: FlipPolicy,
  passReviews: Parameters<typeof checkBreaker>[2] = [],
): { trip: boolean; reason?: string } {
  if (policy.breaker === "window") return checkSwingBack(recent, policy);
  return checkBreaker([...recent].reverse(), policy, passReviews);
}
