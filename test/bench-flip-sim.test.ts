import { describe, expect, it } from "vitest";
import { agreementTestEverPassesExact, decidedToTrip, seedEverEligibleExact, seededRandom, uniformGate } from "../bench/flip-sim-model.js";
import { binomialTail } from "../src/stats/binomial.js";
import { SEED_FLIP_POLICY, SEQUENTIAL_FLIP_POLICY } from "../src/stats/policy.js";
import { alphaForRestart } from "../src/stats/sequential.js";

describe("flip-sim model", () => {
  it("the seed rule's exact dynamic program at horizon 50 is the one-look binomial tail (≥ 40/50 at 0.75)", () => {
    expect(seedEverEligibleExact(uniformGate(0.75, 0), SEED_FLIP_POLICY, 50)).toBeCloseTo(binomialTail(50, 40, 0.75), 12);
  });

  it("checking after every decision inflates the seed rule's false flips to about 41% within 500 (RESEARCH.md)", () => {
    expect(seedEverEligibleExact(uniformGate(0.75, 0), SEED_FLIP_POLICY, 500)).toBeCloseTo(0.407, 2);
  });

  it("the sequential agreement test's exact false-flip probability stays under its α₀ at the null", () => {
    const bar = Math.log(1 / alphaForRestart(0.01, 0));
    expect(agreementTestEverPassesExact(0.8, SEQUENTIAL_FLIP_POLICY, bar, 2000)).toBeLessThanOrEqual(alphaForRestart(0.01, 0));
  });

  it("the seeded breaker simulation is reproducible", () => {
    const run = () => decidedToTrip(uniformGate(0.7, 0.25), SEQUENTIAL_FLIP_POLICY, 500, seededRandom(3));
    expect(run()).toEqual(run());
    expect(run()).not.toBeNull();
  });
});
