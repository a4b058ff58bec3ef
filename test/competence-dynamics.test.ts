import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competenceBand } from "../src/competence/band.js";
import { updateStrength } from "../src/competence/ledger.js";
import { DEFAULT_COMPETENCE } from "../src/competence/options.js";
import { prng } from "./helpers/competence-fixtures.js";

const AUTONOMOUS = DEFAULT_COMPETENCE.autonomousAt;
const success = { signal: 1 as const, difficulty: 1 };
const failure = { signal: -1 as const, difficulty: 1 };

/** One scope's strength over `n` decisions approved with probability `rate`; its maximum and end. */
function simulate(rate: number, n: number, random: () => number): { max: number; end: number } {
  let s = DEFAULT_COMPETENCE.initial;
  let max = s;
  for (let i = 0; i < n; i++) {
    s = updateStrength(s, random() < rate ? success : failure);
    max = Math.max(max, s);
  }
  return { max, end: s };
}

function runs(rate: number, count: number, seed: number) {
  const random = prng(seed);
  return Array.from({ length: count }, () => simulate(rate, 500, random));
}

const successesUntil = (from: number, target: number) => {
  let s = from;
  let k = 0;
  while (s < target) {
    s = updateStrength(s, success);
    k++;
  }
  return { k, s };
};

describe("competence dynamics (seed 002, DESIGN §6)", () => {
  it("a new scope starts guidance-seeking", () => {
    expect(competenceBand(DEFAULT_COMPETENCE.initial)).toBe("guidance-seeking");
  });

  it("reaching the autonomous band from the start takes 10–15 consecutive successes", () => {
    const { k } = successesUntil(DEFAULT_COMPETENCE.initial, AUTONOMOUS);
    expect(k).toBeGreaterThanOrEqual(10);
    expect(k).toBeLessThanOrEqual(15);
  });

  it("at a 60% approve rate stays below the autonomous band over 500 decisions in at least 99% of runs", () => {
    const results = runs(0.6, 2000, 60);
    const below = results.filter((r) => r.max < AUTONOMOUS).length / results.length;
    expect(below).toBeGreaterThanOrEqual(0.99);
  });

  it("at a 95% approve rate reaches the autonomous band in every run", () => {
    const results = runs(0.95, 2000, 95);
    expect(results.every((r) => r.max >= AUTONOMOUS)).toBe(true);
  });

  it("approve rates 0.6, 0.8 and 0.95 end in different bands", () => {
    const meanEnd = (rate: number, seed: number) => {
      const results = runs(rate, 500, seed);
      return results.reduce((sum, r) => sum + r.end, 0) / results.length;
    };
    expect([meanEnd(0.6, 1), meanEnd(0.8, 2), meanEnd(0.95, 3)].map((s) => competenceBand(s))).toEqual([
      "guidance-seeking",
      "proposal",
      "autonomous",
    ]);
  });

  it("recovering from one failure near the top takes 8–12 successes", () => {
    // Where a 95% scope settles: the strength at which expected gain and loss balance.
    const top = 0.91;
    const { k } = successesUntil(updateStrength(top, failure), top);
    expect(k).toBeGreaterThanOrEqual(8);
    expect(k).toBeLessThanOrEqual(12);
  });

  it("a failure on an easy task costs more than the same failure on a hard one", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 1.99, noNaN: true }), fc.double({ min: 0.01, max: 1.5, noNaN: true }), (s, easy, gap) => {
        const hard = Math.min(2, easy + gap);
        const costEasy = s - updateStrength(s, { signal: -1, difficulty: easy });
        const costHard = s - updateStrength(s, { signal: -1, difficulty: hard });
        return costEasy > costHard;
      }),
    );
  });

  it("a success on a hard task gains more than on an easy one, and gains shrink near the top", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0.5, max: 1.99, noNaN: true }), (s, easy) => {
        const gainEasy = updateStrength(s, { signal: 1, difficulty: easy }) - s;
        const gainHard = updateStrength(s, { signal: 1, difficulty: 2 }) - s;
        const higher = Math.min(1, s + 0.5);
        const gainHigher = updateStrength(higher, success) - higher;
        return gainHard > gainEasy && gainHigher <= updateStrength(s, success) - s + 1e-12;
      }),
    );
  });
});
