import { describe, expect, it } from "vitest";
import { evaluateEligibility } from "../src/stats/criterion.js";
import { SEED_FLIP_POLICY, resolvePolicy, STRICT_FLIP_POLICY } from "../src/stats/policy.js";
import { counts } from "./helpers/stats-counts.js";

// 47/50 with both outcomes well represented: 25 pass-approve, 22 fail-edit/reject, and three
// disagreements none of which is a rejected pass (1 edited pass, 2 approved fails).
// Wilson lower (47/50) = 0.8378; κ = 2(25·22 − 1·2)/(26·23 + 27·24) = 1096/1246 = 0.8796.
const BALANCED_47 = counts({ passApprove: 25, passEdit: 1, failApprove: 2, failEdit: 10, failReject: 12 });
// 40/50, balanced enough for κ to clear 0.6 so that only the Wilson bound refuses it:
// a = 20, b = 4 (pass-edit), c = 6, d = 20. κ = 2(400 − 24)/(24·24 + 26·26) = 752/1252 = 0.6006;
// Wilson lower (40/50) = 0.6696.
const BALANCED_40 = counts({ passApprove: 20, passEdit: 4, failApprove: 6, failEdit: 8, failReject: 12 });

describe("default flip criterion (n ≥ 50, agreement ≥ 0.80, no rejected pass)", () => {
  it("never flips on 49 decided verdicts, even all agreeing", () => {
    const result = evaluateEligibility(counts({ passApprove: 30, failReject: 19 }), SEED_FLIP_POLICY);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(["49 decided verdicts, 50 needed"]);
  });

  it("flips on 50 decided verdicts all agreeing", () => {
    const result = evaluateEligibility(counts({ passApprove: 30, failReject: 20 }), SEED_FLIP_POLICY);
    expect(result).toMatchObject({ eligible: true, reasons: [], n: 50, agreement: 1, rejectedPasses: 0 });
  });

  it("is blocked by one rejected pass whatever the agreement (199/200)", () => {
    const result = evaluateEligibility(counts({ passApprove: 120, passReject: 1, failReject: 79 }), SEED_FLIP_POLICY);
    expect(result.agreement).toBeCloseTo(0.995, 12);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(["1 rejected pass (max 0)"]);
  });

  it("accepts agreement of exactly 0.80 (40/50)", () => {
    expect(evaluateEligibility(BALANCED_40, SEED_FLIP_POLICY).eligible).toBe(true);
  });

  it("refuses agreement just below 0.80 and says by how much (39/50)", () => {
    const result = evaluateEligibility(counts({ passApprove: 20, passEdit: 5, failApprove: 6, failEdit: 19 }), SEED_FLIP_POLICY);
    expect(result.reasons).toEqual(["agreement 0.78 < 0.80 (39/50)"]);
  });

  it("lists every failing condition with its numbers", () => {
    const result = evaluateEligibility(counts({ passApprove: 5, passReject: 3, failApprove: 2 }), SEED_FLIP_POLICY);
    expect(result.reasons).toEqual(["10 decided verdicts, 50 needed", "agreement 0.50 < 0.80 (5/10)", "3 rejected passes (max 0)"]);
  });

  it("explains an empty scope and still reports its statistics", () => {
    expect(evaluateEligibility(counts({}), SEED_FLIP_POLICY)).toEqual({
      eligible: false,
      reasons: ["0 decided verdicts, 50 needed", "agreement not measured yet (no decided verdicts)"],
      n: 0,
      agreement: null,
      wilsonLower: null,
      kappa: null,
      rejectedPasses: 0,
    });
  });

  it("fills the Wilson bound and κ even though the default preset does not check them", () => {
    const result = evaluateEligibility(BALANCED_40, SEED_FLIP_POLICY);
    expect(result.wilsonLower).toBeCloseTo(0.669626, 6);
    expect(result.kappa).toBeCloseTo(752 / 1252, 12);
  });

  it("honours a configured rule (n ≥ 20, agreement ≥ 0.9, up to 1 rejected pass)", () => {
    const policy = resolvePolicy({ preset: "default", minDecided: 20, minAgreement: 0.9, maxRejectedPasses: 1 });
    expect(evaluateEligibility(counts({ passApprove: 10, passReject: 1, failReject: 9 }), policy).eligible).toBe(true);
    expect(evaluateEligibility(counts({ passApprove: 9, passReject: 2, failReject: 9 }), policy).reasons).toEqual([
      "2 rejected passes (max 1)",
    ]);
  });
});

describe("strict flip criterion (adds Wilson lower bound ≥ 0.80 and κ ≥ 0.6)", () => {
  it("refuses 40/50, which the default rule accepts, on the Wilson bound", () => {
    const result = evaluateEligibility(BALANCED_40, STRICT_FLIP_POLICY);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(["Wilson lower bound 0.67 < 0.80"]);
  });

  it("accepts 47/50 with balanced outcomes", () => {
    const result = evaluateEligibility(BALANCED_47, STRICT_FLIP_POLICY);
    expect(result.eligible).toBe(true);
    expect(result.wilsonLower).toBeCloseTo(0.837827, 6);
    expect(result.kappa).toBeCloseTo(0.879615, 6);
  });

  it("refuses 47/50 when the gate passes nearly everything, on κ", () => {
    // a = 45, b = 1, c = 2, d = 2: κ = 2(90 − 2)/(46·3 + 47·4) = 176/326 = 0.5399.
    const result = evaluateEligibility(counts({ passApprove: 45, passEdit: 1, failApprove: 2, failReject: 2 }), STRICT_FLIP_POLICY);
    expect(result.reasons).toEqual(["Cohen's κ 0.54 < 0.60"]);
  });

  it("refuses perfect agreement when κ is undefined (everything passed and approved)", () => {
    const result = evaluateEligibility(counts({ passApprove: 60 }), STRICT_FLIP_POLICY);
    expect(result.kappa).toBeNull();
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      "Cohen's κ undefined: the gate and the human each gave a single answer, so chance agreement is 1",
    ]);
  });

  it("still applies the default conditions", () => {
    const result = evaluateEligibility(counts({ passApprove: 25, passReject: 1, failReject: 24 }), STRICT_FLIP_POLICY);
    expect(result.reasons).toEqual(["1 rejected pass (max 0)"]);
  });

  it("shows more digits when two would print a value equal to its bound", () => {
    const policy = resolvePolicy({ preset: "strict", minWilsonLower: 0.67 });
    // Wilson lower (40/50) = 0.669626 prints as 0.67 at two decimals and 0.670 at three.
    expect(evaluateEligibility(BALANCED_40, policy).reasons).toEqual(["Wilson lower bound 0.6696 < 0.6700"]);
  });
});
