import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256 } from "../src/hash.js";
import { addDecision, summarize } from "../src/stats/agreement.js";
import { isAuditSampled } from "../src/stats/audit-sample.js";
import { evaluateEligibility } from "../src/stats/criterion.js";
import { cohensKappa } from "../src/stats/kappa.js";
import { SEED_FLIP_POLICY } from "../src/stats/policy.js";
import { wilsonInterval } from "../src/stats/wilson.js";
import type { AgreementCounts } from "../src/store/types.js";
import { DECISION_TYPES } from "../src/types.js";

const cell = fc.integer({ min: 0, max: 500 });
const countsArb: fc.Arbitrary<AgreementCounts> = fc.record({
  passApprove: cell,
  passEdit: cell,
  passReject: cell,
  failApprove: cell,
  failEdit: cell,
  failReject: cell,
});
const decisionArb = fc.record({ passed: fc.boolean(), decision: fc.constantFrom(...DECISION_TYPES) });

describe("statistics properties", () => {
  it("agreement and pass precision stay within [0, 1]", () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const { agreement, passPrecision } = summarize(counts);
        for (const value of [agreement, passPrecision]) {
          if (value !== null) expect(value >= 0 && value <= 1).toBe(true);
        }
      }),
    );
  });

  it("the Wilson interval contains the observed proportion and stays within [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const successes = Math.round(share * n);
        const interval = wilsonInterval(successes, n)!;
        const p = successes / n;
        expect(0 <= interval.lower && interval.lower <= p + 1e-12).toBe(true);
        expect(p - 1e-12 <= interval.upper && interval.upper <= 1).toBe(true);
      }),
    );
  });

  it("κ, when defined, lies in [-1, 1] and equals (pₒ − pₑ)/(1 − pₑ)", () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const kappa = cohensKappa(counts);
        if (kappa === null) return;
        const a = counts.passApprove;
        const b = counts.passEdit + counts.passReject;
        const c = counts.failApprove;
        const d = counts.failEdit + counts.failReject;
        const n = a + b + c + d;
        const po = (a + d) / n;
        const pe = ((a + b) / n) * ((a + c) / n) + ((c + d) / n) * ((b + d) / n);
        expect(kappa).toBeGreaterThanOrEqual(-1);
        expect(kappa).toBeLessThanOrEqual(1);
        expect(kappa).toBeCloseTo((po - pe) / (1 - pe), 9);
      }),
    );
  });

  it("adding a decision and then withdrawing it restores the original counts", () => {
    fc.assert(
      fc.property(countsArb, decisionArb, (counts, { passed, decision }) => {
        expect(addDecision(addDecision(counts, passed, decision), passed, decision, -1)).toEqual(counts);
      }),
    );
  });

  it("default eligibility, once reached, survives more agreeing decisions that are not rejected passes", () => {
    // Only the default preset: κ is not monotone (piling up pass-approves alone lowers it, the
    // prevalence effect), which is one reason the strict preset checks it.
    const agreeing = fc.constantFrom<[boolean, "approve" | "edit" | "reject"]>(
      [true, "approve"],
      [false, "edit"],
      [false, "reject"],
    );
    // Mostly agreeing tables without rejected passes, so that many start out eligible.
    const likelyEligible: fc.Arbitrary<AgreementCounts> = fc.record({
      passApprove: cell,
      passEdit: fc.integer({ min: 0, max: 30 }),
      passReject: fc.constant(0),
      failApprove: fc.integer({ min: 0, max: 30 }),
      failEdit: cell,
      failReject: cell,
    });
    fc.assert(
      fc.property(likelyEligible, fc.array(agreeing, { maxLength: 200 }), (counts, added) => {
        fc.pre(evaluateEligibility(counts, SEED_FLIP_POLICY).eligible);
        const after = added.reduce((acc, [passed, decision]) => addDecision(acc, passed, decision), counts);
        expect(evaluateEligibility(after, SEED_FLIP_POLICY).eligible).toBe(true);
      }),
    );
  });

  it("raising the audit rate only adds drafts to the sample", () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, r1, r2) => {
        const hash = sha256(seed);
        const [low, high] = r1 <= r2 ? [r1, r2] : [r2, r1];
        if (isAuditSampled(hash, low)) expect(isAuditSampled(hash, high)).toBe(true);
      }),
    );
  });
});
