import type { AgreementCounts } from "./flip-types.js";

/**
 * Cohen's κ for the 2×2 table gate (pass / fail) × human (approve / not approve), where edit and
 * reject both count as "not approve" — the same reading as agreement (DESIGN §5):
 *
 * |            | approve | not approve |
 * |------------|---------|-------------|
 * | gate pass  |    a    |      b      |
 * | gate fail  |    c    |      d      |
 *
 * κ = (pₒ − pₑ) / (1 − pₑ) with pₒ = (a+d)/n and pₑ = ((a+b)(a+c) + (c+d)(b+d)) / n², which for a
 * 2×2 table simplifies to κ = 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)). The integer form is used so
 * that the degenerate case is an exact zero test, not a float comparison.
 *
 * κ corrects agreement for chance: a gate that passes everything while the human approves 90%
 * shows agreement 0.90 and κ = 0. Returns null when it is undefined:
 * - n = 0 (nothing decided);
 * - pₑ = 1, i.e. gate and human each gave one single answer, the same one (all pass-approve, or
 *   all fail-not-approve). Agreement is then 1 but says nothing about whether the gate can tell
 *   good drafts from bad ones, so callers must treat null as "not shown" (the strict preset refuses).
 */
export function cohensKappa(counts: Readonly<AgreementCounts>): number | null {
  const a = counts.passApprove;
  const b = counts.passEdit + counts.passReject;
  const c = counts.failApprove;
  const d = counts.failEdit + counts.failReject;
  const denominator = (a + b) * (b + d) + (a + c) * (c + d);
  if (denominator === 0) return null;
  return (2 * (a * d - b * c)) / denominator;
}
