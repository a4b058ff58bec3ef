import { isAuditSampled } from "./audit-sample.js";

/** Share of executed auto-approvals queued for review after the fact, by default (DESIGN §5). */
export const DEFAULT_POST_HOC_RATE = 0.05;

/**
 * Whether an auto-routed verdict is drawn for the post-hoc audit. Deterministic in the verdict id
 * and scope, like the pre-send audit sample, but drawn under its own salt (`post-hoc:<scope>`) from
 * the verdict id rather than the draft hash, so the two samples are independent: being held back
 * before sending says nothing about being reviewed afterwards.
 * @throws RangeError when `rate` is not in [0, 1].
 */
export function isPostHocSampled(verdictId: string, rate: number, scope: string): boolean {
  return isAuditSampled(verdictId, rate, `post-hoc:${scope}`);
}
