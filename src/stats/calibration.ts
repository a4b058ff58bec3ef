import type { DecisionType, Level, Mode } from "../types.js";

/** One decided verdict as calibration reads it: the gate's numbers against the human's decision. */
export interface CalibrationRecord {
  composite: number | null;
  passed: boolean;
  /** Any hard violation: a veto whatever the composite. */
  hardViolation: boolean;
  /** Scored levels only. */
  levels: Array<{ level: Level; score: number }>;
  decision: Exclude<DecisionType, "skip">;
  mode: Mode;
}

/** One composite bucket of the reliability table. */
export interface ReliabilityBucket {
  /** [from, to): the last bucket includes 1. */
  from: number;
  to: number;
  n: number;
  approved: number;
  /** Approved / n; null when the bucket is empty. */
  approveRate: number | null;
  meanComposite: number | null;
}

const agrees = (passed: boolean, decision: CalibrationRecord["decision"]) => (passed ? decision === "approve" : decision !== "approve");
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The reliability table: decided verdicts with a composite, in `buckets` equal-width composite
 * buckets, with the approve rate in each. A well-calibrated gate's approve rate rises with the
 * composite; a flat curve means the composite does not carry the human's judgement.
 */
export function reliabilityTable(records: readonly CalibrationRecord[], buckets = 10): ReliabilityBucket[] {
  const rows = Array.from({ length: buckets }, (_, i) => ({ from: i / buckets, to: (i + 1) / buckets, n: 0, approved: 0, sum: 0 }));
  for (const r of records) {
    if (r.composite === null) continue;
    const row = rows[Math.min(buckets - 1, Math.floor(r.composite * buckets))];
    if (row === undefined) continue;
    row.n++;
    row.sum += r.composite;
    if (r.decision === "approve") row.approved++;
  }
  return rows.map(({ sum, ...row }) => ({ ...row, approveRate: share(row.approved, row.n), meanComposite: row.n === 0 ? null : sum / row.n }));
}

/** Brier score of the composite read as the probability of approval: mean (composite − approved)²; null without a composite. */
export function brierScore(records: readonly CalibrationRecord[]): number | null {
  const scored = records.filter((r) => r.composite !== null);
  if (scored.length === 0) return null;
  return scored.reduce((sum, r) => sum + ((r.composite as number) - (r.decision === "approve" ? 1 : 0)) ** 2, 0) / scored.length;
}

/**
 * Agreement of each level alone with the human, reading the level as passing when its score
 * reaches `threshold`: which level carries the signal. Levels that never scored are absent.
 */
export function levelAgreement(records: readonly CalibrationRecord[], threshold: number): Array<{ level: Level; n: number; agreement: number | null }> {
  const byLevel = new Map<Level, { n: number; agree: number }>();
  for (const r of records) {
    for (const { level, score } of r.levels) {
      const cell = byLevel.get(level) ?? { n: 0, agree: 0 };
      cell.n++;
      if (agrees(score >= threshold, r.decision)) cell.agree++;
      byLevel.set(level, cell);
    }
  }
  return [...byLevel].map(([level, { n, agree }]) => ({ level, n, agreement: share(agree, n) }));
}

/** Agreement over records (as stored), cumulative and over the newest `window` per mode. `records` newest first. */
export function rollingAgreement(records: readonly CalibrationRecord[], window: number) {
  const over = (list: readonly CalibrationRecord[]) => ({ n: list.length, agreement: share(list.filter((r) => agrees(r.passed, r.decision)).length, list.length) });
  return {
    window,
    cumulative: over(records),
    shadow: over(records.filter((r) => r.mode === "shadow").slice(0, window)),
    auto: over(records.filter((r) => r.mode === "auto").slice(0, window)),
  };
}

/** What a pass threshold and a `low_confidence` floor would have produced on the history. */
export interface TuneCandidate {
  passThreshold: number;
  lowConfidenceFloor: number;
  /** Decided verdicts that would have stayed with the gate (not escalated by the floor). */
  n: number;
  agreement: number | null;
  /** Would-be passes the human rejected. */
  rejectedPasses: number;
  /** Would-be passes among all decided verdicts: the share that could have gone auto. */
  autonomyRate: number | null;
  /** Share escalated as `low_confidence` (composite below the floor). */
  escalationRate: number | null;
}

/**
 * Recounts the history under one candidate: a verdict below the floor escalates (it leaves the
 * agreement count); the rest pass when their composite reaches the threshold with no hard
 * violation, exactly as the gate's pass rule reads.
 */
export function recount(records: readonly CalibrationRecord[], passThreshold: number, lowConfidenceFloor: number): TuneCandidate {
  let n = 0;
  let agree = 0;
  let rejectedPasses = 0;
  let passes = 0;
  let escalated = 0;
  for (const r of records) {
    if (r.composite !== null && r.composite < lowConfidenceFloor) {
      escalated++;
      continue;
    }
    const passed = r.composite !== null && r.composite >= passThreshold && !r.hardViolation;
    n++;
    if (agrees(passed, r.decision)) agree++;
    if (passed) passes++;
    if (passed && r.decision === "reject") rejectedPasses++;
  }
  return {
    passThreshold,
    lowConfidenceFloor,
    n,
    agreement: share(agree, n),
    rejectedPasses,
    autonomyRate: share(passes, records.length),
    escalationRate: share(escalated, records.length),
  };
}

export const DEFAULT_THRESHOLDS = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
export const DEFAULT_FLOORS = [0.3, 0.4, 0.5, 0.6];

/**
 * Every (threshold, floor) candidate recounted, and the recommendation: among candidates that pass
 * something, with no rejected pass and agreement ≥ `minAgreement`, the highest autonomy rate, then the lowest
 * escalation rate, then the higher threshold. Null when none qualifies. Nothing is applied.
 */
export function tune(
  records: readonly CalibrationRecord[],
  options: { minAgreement?: number; thresholds?: number[]; floors?: number[] } = {},
): { candidates: TuneCandidate[]; recommended: TuneCandidate | null } {
  const minAgreement = options.minAgreement ?? 0.8;
  const candidates = (options.thresholds ?? DEFAULT_THRESHOLDS).flatMap((t) =>
    (options.floors ?? DEFAULT_FLOORS).filter((f) => f < t).map((f) => recount(records, t, f)),
  );
  const qualifying = candidates.filter((c) => c.rejectedPasses === 0 && (c.autonomyRate ?? 0) > 0 && c.agreement !== null && c.agreement >= minAgreement);
  qualifying.sort(
    (a, b) =>
      (b.autonomyRate ?? 0) - (a.autonomyRate ?? 0) ||
      (a.escalationRate ?? 0) - (b.escalationRate ?? 0) ||
      b.passThreshold - a.passThreshold,
  );
  return { candidates, recommended: qualifying[0] ?? null };
}
