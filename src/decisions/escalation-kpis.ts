import type { PostHocStats, PostHocStore } from "../store/post-hoc-types.js";
import type { EscalationStats, EscalationStore } from "../escalation/types.js";

/**
 * The escalation KPIs of a scope (seed 004), all over the scope's whole history:
 *
 * - `escalationRate` = verdicts routed `escalate` / all verdicts.
 * - `escalationAppropriateness` = resolved escalations the owner marked appropriate / resolved escalations.
 * - `handoffSufficiency` = resolved escalations whose package the owner marked sufficient / resolved escalations.
 * - `missedEscalationRate` = verdicts routed `auto` later found wrong / verdicts routed `auto` later
 *   judged at all. Judged after the fact means a post-hoc review (`autonomy-gate audit review`,
 *   `wrong` is a miss) or, without one, a decision backfilled by id (`edit` or `reject` is a miss;
 *   `skip` counts nowhere): the share of audited auto-approvals found wrong.
 *
 * A ratio with a zero denominator is null (unknown), never 0.
 */
export interface EscalationKpis {
  escalationRate: number | null;
  escalationAppropriateness: number | null;
  missedEscalationRate: number | null;
  handoffSufficiency: number | null;
  /** The counts behind the ratios. */
  escalations: EscalationStats;
  /** The post-hoc audit: queue size and age, reviews and findings. */
  postHoc: PostHocStats;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export async function escalationKpis(
  store: Pick<EscalationStore, "escalationStats"> & Pick<PostHocStore, "postHocStats">,
  scope: string,
): Promise<EscalationKpis> {
  const [stats, postHoc] = await Promise.all([store.escalationStats(scope), store.postHocStats(scope)]);
  return {
    escalationRate: share(stats.escalated, stats.verdicts),
    escalationAppropriateness: share(stats.appropriate, stats.resolved),
    missedEscalationRate: share(postHoc.autoWrong, postHoc.autoJudged),
    handoffSufficiency: share(stats.sufficient, stats.resolved),
    escalations: stats,
    postHoc,
  };
}
