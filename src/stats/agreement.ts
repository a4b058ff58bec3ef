import { AutonomyGateError } from "../errors.js";
import type { AgreementCounts } from "./flip-types.js";
import type { DecisionType } from "../types.js";

/** A table with every cell at zero: the evidence of a scope that has not been decided on yet. */
export const EMPTY_COUNTS: Readonly<AgreementCounts> = Object.freeze({
  passApprove: 0,
  passEdit: 0,
  passReject: 0,
  failApprove: 0,
  failEdit: 0,
  failReject: 0,
});

/**
 * Whether the human agreed with the gate (DESIGN §5). An edit means the draft was not send-worthy
 * as-is, so it agrees with a fail and disagrees with a pass. `null` for `skip`: not a decision.
 */
export function agrees(passed: boolean, decision: DecisionType): boolean | null {
  if (decision === "skip") return null;
  return passed ? decision === "approve" : decision !== "approve";
}

/** The gate passed a draft the human rejected outright: the one error that vetoes the flip. */
export function isRejectedPass(passed: boolean, decision: DecisionType): boolean {
  return passed && decision === "reject";
}

const CELL = {
  pass: { approve: "passApprove", edit: "passEdit", reject: "passReject" },
  fail: { approve: "failApprove", edit: "failEdit", reject: "failReject" },
} as const satisfies Record<"pass" | "fail", Record<Exclude<DecisionType, "skip">, keyof AgreementCounts>>;

/**
 * Counts after adding (`delta` +1) or withdrawing (`delta` −1, e.g. when a decision is changed)
 * one decision. Returns a new object; a skip returns the counts unchanged.
 * @throws AutonomyGateError when `delta` is not an integer or a cell would go negative: the
 * counters no longer describe real decisions, and hiding that would corrupt eligibility.
 */
export function addDecision(
  counts: Readonly<AgreementCounts>,
  passed: boolean,
  decision: DecisionType,
  delta = 1,
): AgreementCounts {
  if (!Number.isInteger(delta)) throw new AutonomyGateError(`addDecision: delta must be an integer, got ${delta}.`);
  if (decision === "skip") return { ...counts };
  const cell = CELL[passed ? "pass" : "fail"][decision];
  const next = counts[cell] + delta;
  if (next < 0) {
    throw new AutonomyGateError(`addDecision: ${cell} would become ${next}; counts cannot go negative.`);
  }
  return { ...counts, [cell]: next };
}

/** Counts of a list of gate outcomes and human decisions (skips ignored). */
export function tally(decisions: Iterable<{ passed: boolean; decision: DecisionType }>): AgreementCounts {
  let counts: AgreementCounts = { ...EMPTY_COUNTS };
  for (const { passed, decision } of decisions) counts = addDecision(counts, passed, decision);
  return counts;
}

/** What the operator sees for one body of evidence (DESIGN §5 status fields, minus the bounds). */
export interface AgreementSummary {
  /** Decided verdicts (approve, edit or reject). */
  n: number;
  /** Decided verdicts on which the human agreed with the gate. */
  agree: number;
  /** `agree / n`; null when nothing is decided. */
  agreement: number | null;
  /** Decided verdicts the gate passed. */
  passes: number;
  /** Decided verdicts the gate failed. */
  fails: number;
  /** Passed drafts the human rejected. */
  rejectedPasses: number;
  /** Passed drafts the human edited (disagreements, but not vetoes). */
  editedPasses: number;
  /** Failed drafts the human approved as-is. */
  approvedFails: number;
  /** Approve rate among passes: how often a pass was really send-worthy; null when no passes. */
  passPrecision: number | null;
}

export function summarize(counts: Readonly<AgreementCounts>): AgreementSummary {
  const passes = counts.passApprove + counts.passEdit + counts.passReject;
  const fails = counts.failApprove + counts.failEdit + counts.failReject;
  const n = passes + fails;
  const agree = counts.passApprove + counts.failEdit + counts.failReject;
  return {
    n,
    agree,
    agreement: n === 0 ? null : agree / n,
    passes,
    fails,
    rejectedPasses: counts.passReject,
    editedPasses: counts.passEdit,
    approvedFails: counts.failApprove,
    passPrecision: passes === 0 ? null : counts.passApprove / passes,
  };
}
