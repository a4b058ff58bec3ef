/**
 * The store API behind the post-hoc audit of executed auto-approvals (DESIGN §5) and the verdict
 * listings the operator reviews from. `GateStore` extends it.
 */
import type { CalibrationRecord } from "../stats/calibration.js";
import type { Route, Verdict } from "../types.js";
import type { EscalationTrend } from "../escalation/types.js";

/** A post-hoc reviewer's finding on an executed auto-approval. */
export type PostHocFinding = "ok" | "wrong";
export const POST_HOC_FINDINGS: readonly PostHocFinding[] = ["ok", "wrong"];

/** One recorded post-hoc review. */
export interface PostHocReview {
  verdictId: string;
  scope: string;
  finding: PostHocFinding;
  note: string | null;
  by: string;
  at: string;
}

/** The post-hoc figures of one scope. */
export interface PostHocStats {
  /** Sampled auto verdicts waiting for a review. */
  queued: number;
  /** Creation time of the oldest waiting one; null when the queue is empty. */
  oldestQueuedAt: string | null;
  /** Reviews recorded. */
  reviewed: number;
  /** Reviews that found the auto-approval wrong. */
  wrong: number;
  /**
   * Auto-routed verdicts judged after the fact, by a review or a backfilled decision (a review
   * wins when both exist): the missed-escalation denominator.
   */
  autoJudged: number;
  /** Of those, judged wrong (finding `wrong`, else decided edit or reject): missed escalations. */
  autoWrong: number;
}

export interface VerdictListFilter {
  scope?: string;
  route?: Route;
  /** Only verdicts without a decision. */
  undecided?: boolean;
  /** @default 100 */
  limit?: number;
}

export interface PostHocStore {
  /** Sampled, executed auto verdicts without a review, oldest first. @default limit 100 */
  postHocQueue(filter?: { scope?: string; limit?: number }): Promise<Verdict[]>;
  /**
   * Records (or replaces) the review of a sampled auto verdict, audited `post_hoc_review` in the
   * same transaction. NotFoundError for an unknown id; GateConfigError for a verdict that was not
   * routed auto. `changed` is false when the same finding was already recorded.
   */
  recordPostHocReview(
    verdictId: string,
    review: { finding: PostHocFinding; note?: string; by?: string },
  ): Promise<{ verdict: Verdict; review: PostHocReview; changed: boolean }>;
  getPostHocReview(verdictId: string): Promise<PostHocReview | null>;
  postHocStats(scope: string): Promise<PostHocStats>;
  /** Verdicts newest first, by scope, route and whether they are decided. */
  listVerdictsBy(filter: VerdictListFilter): Promise<Verdict[]>;
  /** Decided verdicts for calibration, newest decision first. @default limit 10000 */
  calibrationRecords(scope: string, options?: { provenanceKey?: string; limit?: number }): Promise<CalibrationRecord[]>;
  /** Escalation rate per trigger over the last 7 and 30 days (by the store's clock) and all time. */
  escalationTrend(scope: string): Promise<EscalationTrend>;
}
