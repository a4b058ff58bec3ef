import { describe, expect, it } from "vitest";
import { wilsonInterval, wilsonLower } from "../src/stats/wilson.js";

describe("Wilson score interval at z = 1.96", () => {
  it("matches the hand computation for 40/50", () => {
    // p̂ = 0.8, n = 50, z² = 3.8416
    // z²/2n = 0.038416;  p̂(1−p̂)/n = 0.0032;  z²/4n² = 0.00038416
    // √(0.0032 + 0.00038416) = √0.00358416 = 0.0598679;  z·√ = 0.1173410
    // lower = (0.8 + 0.038416 − 0.1173410) / (1 + 0.076832) = 0.7210750 / 1.076832 = 0.669626
    // upper = (0.8 + 0.038416 + 0.1173410) / 1.076832 = 0.9557570 / 1.076832 = 0.887564
    const interval = wilsonInterval(40, 50);
    expect(interval?.lower).toBeCloseTo(0.669626, 6);
    expect(interval?.upper).toBeCloseTo(0.887564, 6);
  });

  it("matches the hand computation for 46/50", () => {
    // p̂ = 0.92: p̂(1−p̂)/n = 0.001472;  √(0.001472 + 0.00038416) = √0.00185616 = 0.0430832
    // z·√ = 0.0844430;  lower = (0.92 + 0.038416 − 0.0844430) / 1.076832 = 0.8739730 / 1.076832 = 0.811615
    expect(wilsonLower(46, 50)).toBeCloseTo(0.811615, 6);
  });

  it("needs at least 46/50 to reach a lower bound of 0.80, as RESEARCH.md claims", () => {
    // 45/50: √(0.0018 + 0.00038416) = 0.0467350; (0.9 + 0.038416 − 0.0916006) / 1.076832 = 0.786395
    expect(wilsonLower(45, 50)).toBeCloseTo(0.786395, 6);
    expect(wilsonLower(45, 50)!).toBeLessThan(0.8);
    expect(wilsonLower(46, 50)!).toBeGreaterThanOrEqual(0.8);
  });

  it("stays inside [0, 1] at the extremes", () => {
    // 50/50: lower = n/(n + z²) = 50/53.8416 = 0.928650; upper exactly 1.
    expect(wilsonInterval(50, 50)).toEqual({ lower: expect.closeTo(0.92865, 5), upper: 1 });
    expect(wilsonInterval(0, 50)?.lower).toBe(0);
  });

  it("has no interval without evidence", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonLower(0, 0)).toBeNull();
  });

  it.each([
    [51, 50],
    [-1, 50],
    [1.5, 3],
  ])("rejects impossible counts %d/%d", (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });
});
