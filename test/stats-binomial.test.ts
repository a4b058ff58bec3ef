import { describe, expect, it } from "vitest";
import { binomialTail } from "../src/stats/binomial.js";

describe("binomialTail: why the strict preset exists (RESEARCH.md table, n = 50)", () => {
  it.each([
    // true agreement, P(≥ 40/50) (default point-estimate rule), P(≥ 46/50) (Wilson lower ≥ 0.80)
    [0.7, 0.079, 0.0],
    [0.75, 0.262, 0.002],
    [0.8, 0.584, 0.018],
    [0.9, 0.991, 0.431],
    [0.95, 1.0, 0.896],
  ])("at true agreement %d the rules flip with probability %d and %d", (p, pointRule, wilsonRule) => {
    expect(binomialTail(50, 40, p)).toBeCloseTo(pointRule, 3);
    expect(binomialTail(50, 46, p)).toBeCloseTo(wilsonRule, 3);
  });

  it("matches a hand-summed small case", () => {
    // P(X ≥ 2), X ~ Bin(3, 0.5) = (C(3,2) + C(3,3)) / 8 = 4/8
    expect(binomialTail(3, 2, 0.5)).toBeCloseTo(0.5, 12);
  });

  it("handles the edges and a large n without underflow", () => {
    expect(binomialTail(50, 0, 0.3)).toBe(1);
    expect(binomialTail(50, 51, 0.9)).toBe(0);
    expect(binomialTail(50, 1, 0)).toBe(0);
    expect(binomialTail(50, 50, 1)).toBe(1);
    // Bin(5000, 0.5): P(X ≥ 2500) = 1/2 + P(X = 2500)/2, with P(X = 2500) ≈ 1/√(π·2500) = 0.011284
    // (Stirling), so ≈ 0.5 + 0.005642 = 0.505642.
    expect(binomialTail(5000, 2500, 0.5)).toBeCloseTo(0.50564, 5);
  });
});
