import type { Decision } from "../types.js";
import { agrees } from "./agreement.js";

/** One decided verdict as the reviewer report reads it. */
export interface ReviewRecord {
  passed: boolean;
  /** True when the reviewer saw no verdict, score or rationale. */
  blind: boolean;
  createdAt: string;
  decision: Decision;
}

/** Agreement on blind reviews next to agreement on seen ones. */
export interface BlindSeenAgreement {
  blindN: number;
  blindAgreement: number | null;
  seenN: number;
  seenAgreement: number | null;
}

export interface ReviewerReport extends BlindSeenAgreement {
  /** The decision's `by`, or `(unknown)`. */
  reviewer: string;
  decided: number;
  approveRate: number | null;
  /** Median time from the verdict to the decision, in milliseconds. */
  medianDecisionMs: number | null;
  /**
   * Seen agreement exceeds blind agreement by more than the margin, on at least `minBlind` blind
   * reviews, and the gap is beyond sampling noise (two-proportion z ≥ 1.96): the reviewer follows
   * the gate when shown it, so seen agreement overstates the gate.
   */
  rubberStamp: boolean;
}

export interface ReviewerReportOptions {
  /** Seen minus blind agreement above this flags a reviewer. @default 0.15 */
  margin?: number;
  /** Blind reviews a reviewer needs before the flag can be raised. @default 10 */
  minBlind?: number;
}

/** Blind and seen agreement over decided reviews (skips count nowhere). */
export function blindSeenAgreement(records: Iterable<ReviewRecord>): BlindSeenAgreement {
  let blindN = 0;
  let blindAgree = 0;
  let seenN = 0;
  let seenAgree = 0;
  for (const r of records) {
    const agree = agrees(r.passed, r.decision.type);
    if (agree === null) continue;
    if (r.blind) {
      blindN += 1;
      if (agree) blindAgree += 1;
    } else {
      seenN += 1;
      if (agree) seenAgree += 1;
    }
  }
  return {
    blindN,
    blindAgreement: blindN === 0 ? null : blindAgree / blindN,
    seenN,
    seenAgreement: seenN === 0 ? null : seenAgree / seenN,
  };
}

/**
 * Per reviewer (DESIGN §5, blind reviews): approve rate, median decision time, blind and seen
 * agreement, and the rubber-stamp flag. Sorted by reviewer.
 */
export function reviewerReport(records: readonly ReviewRecord[], options: ReviewerReportOptions = {}): ReviewerReport[] {
  const margin = options.margin ?? 0.15;
  const minBlind = options.minBlind ?? 10;
  const byReviewer = new Map<string, ReviewRecord[]>();
  for (const r of records) {
    if (r.decision.type === "skip") continue;
    const who = r.decision.by ?? "(unknown)";
    byReviewer.set(who, [...(byReviewer.get(who) ?? []), r]);
  }
  return [...byReviewer.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reviewer, mine]) => {
      const split = blindSeenAgreement(mine);
      const approves = mine.filter((r) => r.decision.type === "approve").length;
      const times = mine.map((r) => Date.parse(r.decision.at) - Date.parse(r.createdAt)).filter((t) => Number.isFinite(t) && t >= 0);
      const rubberStamp =
        split.blindN >= minBlind &&
        split.seenAgreement !== null &&
        split.blindAgreement !== null &&
        split.seenAgreement - split.blindAgreement > margin &&
        significantlyAbove(split.seenAgreement, split.seenN, split.blindAgreement, split.blindN);
      return {
        reviewer,
        decided: mine.length,
        approveRate: mine.length === 0 ? null : approves / mine.length,
        medianDecisionMs: times.length === 0 ? null : median(times),
        ...split,
        rubberStamp,
      };
    });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Two-proportion z test, one-sided at 1.96: `a` (of `na`) is above `b` (of `nb`) beyond noise. */
function significantlyAbove(a: number, na: number, b: number, nb: number): boolean {
  const se = Math.sqrt((a * (1 - a)) / na + (b * (1 - b)) / nb);
  return se === 0 ? a > b : (a - b) / se >= 1.96;
}
