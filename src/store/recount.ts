/**
 * Recounting the agreement counters from the decision rows (dialect-free). The counters are
 * maintained for O(1) eligibility reads; a recount is what they must equal, so a counter moved by
 * hand (or by corruption) is caught by `audit verify` and never makes a scope eligible.
 */
import type { DecisionType } from "../types.js";
import type { AgreementCounts } from "./types.js";

const CELL: Record<"pass" | "fail", Record<Exclude<DecisionType, "skip">, keyof AgreementCounts>> = {
  pass: { approve: "passApprove", edit: "passEdit", reject: "passReject" },
  fail: { approve: "failApprove", edit: "failEdit", reject: "failReject" },
};

/**
 * The 2×2 table a set of decided verdict rows implies (skips and undecided rows count nowhere). A
 * row with `n` stands for that many rows alike (a grouped query's answer).
 */
export function recount(rows: Iterable<{ passed: boolean; decision: DecisionType | null; n?: number }>): AgreementCounts {
  const counts: AgreementCounts = { passApprove: 0, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 0 };
  for (const { passed, decision, n = 1 } of rows) {
    if (decision === null || decision === "skip") continue;
    counts[CELL[passed ? "pass" : "fail"][decision]] += n;
  }
  return counts;
}

/** The cells where `stored` differs from `recounted`, as `cell stored≠recount` phrases; empty when equal. */
export function counterDifferences(stored: AgreementCounts, recounted: AgreementCounts): string[] {
  return (Object.keys(recounted) as Array<keyof AgreementCounts>)
    .filter((cell) => stored[cell] !== recounted[cell])
    .map((cell) => `${cell} is ${stored[cell]} but the decision rows give ${recounted[cell]}`);
}
