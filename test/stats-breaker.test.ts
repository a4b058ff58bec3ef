import { describe, expect, it } from "vitest";
import { breakerCheck } from "../src/stats/breaker-check.js";
import { checkBreaker, passReviewObservation, type BreakerObservation } from "../src/stats/breaker.js";
import { cusumAlarmProbability, cusumPeak, designCusum } from "../src/stats/cusum.js";
import { SEQUENTIAL_FLIP_POLICY } from "../src/stats/policy.js";

const P = SEQUENTIAL_FLIP_POLICY;
const fails = (n: number): BreakerObservation[] => Array.from({ length: n }, () => ({ passed: false, decision: "reject" as const }));
const pass = (decision: "approve" | "edit" | "reject"): BreakerObservation => ({ passed: true, decision });

describe("CUSUM breaker (fixed streams)", () => {
  it("derives its threshold from the false-trip rate: a gate at the in-control level alarms within the horizon at most that often", () => {
    const design = designCusum(0.1, 0.4, 0.02, 1000);
    expect(cusumAlarmProbability(design, 0.1, 1000)).toBeLessThanOrEqual(0.02);
    expect(cusumAlarmProbability({ ...design, threshold: design.threshold - 0.05 }, 0.1, 1000)).toBeGreaterThan(0.02);
    expect(cusumAlarmProbability(design, 0.47, 50)).toBeGreaterThan(0.95);
  });

  it("a single rejected pass does not trip it, nor do two spread over many good passes", () => {
    const stream = [...fails(100), pass("reject"), ...Array.from({ length: 20 }, () => pass("approve")), pass("reject"), ...fails(100)];
    expect(checkBreaker(stream, P).trip).toBe(false);
  });

  it("bad passes trip it on pass precision even when agreement over all decided verdicts stays high", () => {
    const stream: BreakerObservation[] = [];
    for (let i = 0; i < 20; i++) stream.push(...fails(14), pass(i % 2 === 0 ? "edit" : "approve"));
    const check = checkBreaker(stream, P);
    expect(stream.filter((o) => o.passed ? o.decision === "approve" : o.decision !== "approve").length / stream.length).toBeGreaterThan(0.96);
    expect(check.trip).toBe(true);
    expect(check.reason).toMatch(/^pass precision drifted: CUSUM .* \(10\/20 decided passes approved; in control at 0\.90\)/);
  });

  it("post-hoc reviews feed the pass-precision detector: 'wrong' findings count as rejected passes", () => {
    const reviews = Array.from({ length: 20 }, (_, i) => passReviewObservation(i % 2 === 0));
    expect(checkBreaker(fails(50), P).trip).toBe(false);
    expect(checkBreaker(fails(50), P, reviews).trip).toBe(true);
  });

  it("a severe rejected pass trips at once; with breakerTripOnRejectedPass any rejected pass does", () => {
    expect(checkBreaker([...fails(10), { ...pass("reject"), severe: true }], P)).toMatchObject({ trip: true, reason: "a severe rejected pass trips at once" });
    expect(checkBreaker([...fails(10), pass("reject")], { ...P, breakerTripOnRejectedPass: true }).trip).toBe(true);
    expect(checkBreaker([...fails(10), pass("reject")], P).trip).toBe(false);
  });

  it("the statistic restarts at zero after good runs: it is the peak of Page's recursion", () => {
    // bad = +ln(0.3/0.1), good = ln(0.7/0.9).
    const { peak, last } = cusumPeak([true, true, ...Array<boolean>(9).fill(false)], 0.1, 0.3);
    expect(peak).toBeCloseTo(2 * Math.log(3), 12);
    expect(last).toBe(0);
  });

  it("the policy chooses the breaker: the seed preset keeps the window rule that trips on any rejected pass", () => {
    const newestFirst = [pass("reject"), ...fails(20)];
    expect(breakerCheck(newestFirst, { ...P, preset: "default", breaker: "window" }).trip).toBe(true);
    expect(breakerCheck(newestFirst, P).trip).toBe(false);
  });
});
