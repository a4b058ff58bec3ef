import { describe, expect, it } from "vitest";
import { evaluateEligibility } from "../src/stats/criterion.js";
import { SEQUENTIAL_FLIP_POLICY } from "../src/stats/policy.js";
import { rejectedPassRule } from "../src/stats/rejected-pass-rate.js";
import { alphaForRestart, minimumSuccesses, sprtLogRatio } from "../src/stats/sequential.js";
import { evaluateSequential, isSequentiallyEligible } from "../src/stats/sequential-rule.js";
import type { AgreementCounts } from "../src/store/types.js";

const ZERO: AgreementCounts = { passApprove: 0, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 0 };
const P = SEQUENTIAL_FLIP_POLICY;

describe("sequential promotion rule (fixed streams)", () => {
  it("each agreement adds ln(0.95/0.80) and each disagreement subtracts ln(0.20/0.05)", () => {
    expect(sprtLogRatio(1, 0, 0.8, 0.95)).toBeCloseTo(Math.log(0.95 / 0.8), 12);
    expect(sprtLogRatio(0, 1, 0.8, 0.95)).toBeCloseTo(-Math.log(4), 12);
  });

  it("splits α across restarts so the levels sum to α", () => {
    expect(alphaForRestart(0.01, 0)).toBeCloseTo(0.00608, 5);
    let sum = 0;
    for (let k = 0; k < 100_000; k++) sum += alphaForRestart(0.01, k);
    expect(sum).toBeLessThanOrEqual(0.01);
    expect(sum).toBeGreaterThan(0.00999);
  });

  it("a perfect stream of passes and fails becomes eligible at the 30th decision, not the 29th", () => {
    expect(minimumSuccesses(0.8, 0.95, alphaForRestart(0.01, 0))).toBe(30);
    const at = (passApprove: number, failReject: number) => evaluateEligibility({ ...ZERO, passApprove, failReject }, P).eligible;
    expect(at(18, 11)).toBe(false);
    expect(at(18, 12)).toBe(true);
  });

  it("a later epoch has a smaller α and needs more evidence for the same stream", () => {
    const counts = { ...ZERO, passApprove: 20, failReject: 10 };
    expect(isSequentiallyEligible(counts, P, 0)).toBe(true);
    expect(isSequentiallyEligible(counts, P, 1)).toBe(false);
    expect(evaluateEligibility(counts, P, 1).reasons.join()).toMatch(/agreement test 5\.16 < 6\.49/);
  });

  it("45/50 agreeing is not enough (a point estimate of 0.90 is not evidence against 0.80 at α 0.006)", () => {
    const result = evaluateEligibility({ ...ZERO, passApprove: 27, passEdit: 3, failReject: 18, failApprove: 2 }, P);
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toMatch(/^agreement test /);
  });

  it("good agreement with bad passes is refused by the pass-precision test", () => {
    // 100 agreeing fails and 20 passes of which 12 approved: agreement 0.93, pass precision 0.60.
    const result = evaluateEligibility({ ...ZERO, passApprove: 12, passEdit: 8, failReject: 100 }, P);
    expect(result.agreement).toBeGreaterThan(0.9);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([expect.stringMatching(/^pass-precision test .*\(12\/20 passes approved/)]);
  });

  it("states its guarantee in words", () => {
    expect(evaluateSequential(ZERO, P).guarantee).toBe(
      "if true agreement were at or below 0.80, or pass precision at or below 0.70, the chance this scope would ever have become eligible is ≤ 1%, however often it is checked",
    );
  });
});

describe("rejected passes as a rate", () => {
  it("a rejected pass blocks promotion until 50 clean passes have followed it, then the block lifts", () => {
    const strong = { ...ZERO, failReject: 100 };
    const blocked = { ...strong, passApprove: 59, passReject: 1, passesAtLastReject: 11 }; // 49 clean since
    const lifted = { ...strong, passApprove: 60, passReject: 1, passesAtLastReject: 11 }; // 50 clean since
    expect(evaluateEligibility(blocked, P).reasons).toEqual([
      "1 rejected pass in 60 decided passes: 49 clean passes since the latest, 50 needed (at most one rejected pass per 50 passes, max rate 0.02)",
    ]);
    expect(evaluateEligibility(lifted, P).eligible).toBe(true);
  });

  it("never locks a scope out: any number of rejected passes is followed by recovery", () => {
    for (const rejected of [1, 5, 40]) {
      const passes = 5000;
      expect(rejectedPassRule(rejected, passes, passes - 50, 0.02).ok).toBe(true);
      expect(rejectedPassRule(rejected, passes, passes - 49, 0.02).ok).toBe(false);
    }
  });

  it("the recovery is ⌈1/max⌉ passes", () => {
    expect(rejectedPassRule(1, 10, 1, 0.02).recovery).toBe(50);
    expect(rejectedPassRule(1, 10, 1, 0.05).recovery).toBe(20);
    expect(rejectedPassRule(1, 10, 1, 0.03).recovery).toBe(34);
  });
});
