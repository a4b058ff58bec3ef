import { GateConfigError } from "../errors.js";
import { POST_HOC_FINDINGS, type PostHocFinding, type PostHocReview } from "../store/post-hoc-types.js";
import type { GateStore, ScopeState } from "../store/types.js";
import type { Verdict } from "../types.js";

export interface PostHocReviewInput {
  finding: PostHocFinding;
  /** The reviewer's note; stored with the review, never in the audit log. */
  note?: string;
  /** Who reviewed. @default "system" */
  by?: string;
}

export interface PostHocReviewResult {
  verdict: Verdict;
  review: PostHocReview;
  /** The scope state after the review: open breaker and shadow mode when a `wrong` finding tripped it. */
  state: ScopeState;
  /** True when this review opened the breaker. */
  tripped: boolean;
}

/**
 * The swing-back consequence of a `wrong` post-hoc finding (DESIGN §5): an executed auto-approval
 * found wrong is a rejected pass, and a rejected pass trips the breaker at once. This is the one
 * place that rule lives, so a different breaker (a change detector) can take the finding instead.
 * A scope that is no longer in auto, or whose evidence moved on to another provenance key, has
 * nothing to trip.
 */
export async function breakerOnWrongReview(store: GateStore, verdict: Verdict): Promise<{ state: ScopeState; tripped: boolean }> {
  const state = await store.getScopeState(verdict.scope);
  if (state.mode !== "auto" || state.provenanceKey !== verdict.provenance.provenanceKey) return { state, tripped: false };
  const reason = `post-hoc review found auto-approved verdict ${verdict.id} wrong (a rejected pass)`;
  return { state: await store.tripBreaker(verdict.scope, reason), tripped: true };
}

/**
 * Records a post-hoc review of an executed auto-approval (`autonomy-gate audit review`): `ok` or
 * `wrong`, audited. A `wrong` finding counts as a missed escalation in the KPIs and, through
 * {@link breakerOnWrongReview}, as a rejected pass for swing-back. Repeating the same finding
 * changes nothing.
 * @throws GateConfigError for a finding other than ok / wrong, or a verdict not routed auto.
 */
export async function reviewPostHoc(store: GateStore, verdictId: string, input: PostHocReviewInput): Promise<PostHocReviewResult> {
  if (!POST_HOC_FINDINGS.includes(input.finding)) {
    throw new GateConfigError("finding", input.finding, POST_HOC_FINDINGS.map((f) => `"${f}"`).join(" | "));
  }
  const { verdict, review, changed } = await store.recordPostHocReview(verdictId, {
    finding: input.finding,
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(input.by === undefined ? {} : { by: input.by }),
  });
  if (!changed || review.finding !== "wrong") return { verdict, review, state: await store.getScopeState(verdict.scope), tripped: false };
  const { state, tripped } = await breakerOnWrongReview(store, verdict);
  return { verdict, review, state, tripped };
}
