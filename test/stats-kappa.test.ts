import { describe, expect, it } from "vitest";
import { cohensKappa } from "../src/stats/kappa.js";
import { counts } from "./helpers/stats-counts.js";

describe("Cohen's κ for gate pass/fail × human approve/not-approve", () => {
  it("is 0 for a gate that passes everything while the human approves 90% (RESEARCH)", () => {
    // a = 45 pass-approve, c = 5 fail-approve, b = d = 0. pₒ = 45/50 = 0.90.
    // Gate passes 45/50 = 0.9, human approves 50/50 = 1: pₑ = 0.9·1 + 0.1·0 = 0.90. κ = 0/0.1 = 0.
    expect(cohensKappa(counts({ passApprove: 45, failApprove: 5 }))).toBe(0);
  });

  it("matches the hand computation for a balanced 47/50 table", () => {
    // a = 25, b = 1 (pass-edit), c = 2 (fail-approve), d = 22 (fail-edit/reject), n = 50.
    // pₒ = 47/50 = 0.94. Gate pass 26/50 = 0.52, human approve 27/50 = 0.54.
    // pₑ = 0.52·0.54 + 0.48·0.46 = 0.2808 + 0.2208 = 0.5016.
    // κ = (0.94 − 0.5016)/(1 − 0.5016) = 0.4384/0.4984 = 0.879615
    const kappa = cohensKappa(counts({ passApprove: 25, passEdit: 1, failApprove: 2, failEdit: 10, failReject: 12 }));
    expect(kappa).toBeCloseTo(0.879615, 6);
  });

  it("matches the hand computation for an unbalanced 40/50 table", () => {
    // a = 38, b = 2, c = 8, d = 2. pₒ = 40/50 = 0.80.
    // Gate pass 40/50 = 0.8, human approve 46/50 = 0.92: pₑ = 0.8·0.92 + 0.2·0.08 = 0.736 + 0.016 = 0.752.
    // κ = (0.80 − 0.752)/(1 − 0.752) = 0.048/0.248 = 0.193548
    expect(cohensKappa(counts({ passApprove: 38, passReject: 2, failApprove: 8, failEdit: 2 }))).toBeCloseTo(0.193548, 6);
  });

  it("counts edit and reject alike as not-approve", () => {
    const withEdits = cohensKappa(counts({ passApprove: 10, passEdit: 3, failApprove: 2, failEdit: 9 }));
    const withRejects = cohensKappa(counts({ passApprove: 10, passReject: 3, failApprove: 2, failReject: 9 }));
    expect(withEdits).toBe(withRejects);
  });

  it("is 1 for perfect agreement on both outcomes and -1 for perfect disagreement on balanced ones", () => {
    expect(cohensKappa(counts({ passApprove: 20, failReject: 30 }))).toBe(1);
    // a = d = 0, b = c = 25: κ = 2(0 − 625)/(25·25 + 25·25) = −1
    expect(cohensKappa(counts({ passEdit: 25, failApprove: 25 }))).toBe(-1);
  });

  it("is undefined when gate and human each gave one and the same answer (pₑ = 1)", () => {
    expect(cohensKappa(counts({ passApprove: 50 }))).toBeNull();
    expect(cohensKappa(counts({ failEdit: 20, failReject: 30 }))).toBeNull();
  });

  it("is undefined without evidence", () => {
    expect(cohensKappa(counts({}))).toBeNull();
  });
});
