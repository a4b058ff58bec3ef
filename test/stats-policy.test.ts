import { describe, expect, it } from "vitest";
import { GateConfigError } from "../src/errors.js";
import { DEFAULT_FLIP_POLICY, resolvePolicy, SEED_FLIP_POLICY, SEQUENTIAL_FLIP_POLICY, STRICT_FLIP_POLICY } from "../src/stats/policy.js";
import type { FlipPolicy } from "../src/store/types.js";

describe("flip policy presets", () => {
  it("the seed preset (`default`) is the source's rule with 5% audit and a 50-verdict swing-back window", () => {
    expect(SEED_FLIP_POLICY).toMatchObject({
      preset: "default",
      minDecided: 50,
      minAgreement: 0.8,
      maxRejectedPasses: 0,
      minWilsonLower: 0.8,
      minKappa: 0.6,
      auditRate: 0.05,
      breaker: "window",
      swingBackWindow: 50,
      swingBackMinSamples: 10,
      swingBackMinAgreement: 0.8,
    });
  });

  it("the default policy is the sequential preset at α = 0.01 with the CUSUM breaker and 20% blind reviews", () => {
    expect(DEFAULT_FLIP_POLICY).toBe(SEQUENTIAL_FLIP_POLICY);
    expect(DEFAULT_FLIP_POLICY).toMatchObject({
      preset: "sequential",
      alpha: 0.01,
      minAgreement: 0.8,
      targetAgreement: 0.95,
      minPassPrecision: 0.7,
      targetPassPrecision: 0.95,
      maxRejectedPassRate: 0.02,
      breaker: "cusum",
      blindRate: 0.2,
      revivalConfirmations: 10,
    });
  });

  it("the strict preset differs from the seed preset only by its name", () => {
    expect({ ...STRICT_FLIP_POLICY, preset: "default" }).toEqual(SEED_FLIP_POLICY);
    expect(STRICT_FLIP_POLICY.preset).toBe("strict");
  });

  it("the presets cannot be mutated by a caller", () => {
    expect(Object.isFrozen(SEED_FLIP_POLICY)).toBe(true);
    expect(Object.isFrozen(STRICT_FLIP_POLICY)).toBe(true);
    expect(Object.isFrozen(SEQUENTIAL_FLIP_POLICY)).toBe(true);
  });
});

describe("resolvePolicy", () => {
  it("gives the default policy when nothing is set", () => {
    expect(resolvePolicy()).toEqual(DEFAULT_FLIP_POLICY);
    expect(resolvePolicy({})).not.toBe(DEFAULT_FLIP_POLICY);
  });

  it("fills missing fields from the named preset and keeps overrides", () => {
    expect(resolvePolicy({ preset: "strict", minKappa: 0.7 })).toEqual({ ...STRICT_FLIP_POLICY, minKappa: 0.7 });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["auditRate", { auditRate: 1.5 }, /`policy\.auditRate`: received 1\.5; expected a number in \[0, 1\]/],
    ["minAgreement", { minAgreement: -0.1 }, /`policy\.minAgreement`: received -0\.1/],
    ["minDecided", { minDecided: 0 }, /`policy\.minDecided`: received 0; expected an integer ≥ 1/],
    ["minDecided", { minDecided: 12.5 }, /`policy\.minDecided`: received 12\.5/],
    ["maxRejectedPasses", { maxRejectedPasses: -1 }, /`policy\.maxRejectedPasses`: received -1; expected an integer ≥ 0/],
    ["minKappa", { minKappa: 2 }, /`policy\.minKappa`: received 2; expected a number in \[-1, 1\]/],
    ["preset", { preset: "lenient" }, /`policy\.preset`: received "lenient"; expected "default", "strict" or "sequential"/],
    ["auditRate", { auditRate: "0.05" }, /`policy\.auditRate`: received "0\.05"/],
    ["auditRate", { auditRate: Number.NaN }, /`policy\.auditRate`/],
    ["swingBackWindow", { swingBackWindow: 0 }, /`policy\.swingBackWindow`/],
    ["an unknown field", { auditrate: 0.1 }, /`policy\.auditrate`: .*no such field; valid fields: preset, minDecided/],
  ])("rejects a bad %s, naming it and the valid range", (_label, input, message) => {
    expect(() => resolvePolicy(input as Partial<FlipPolicy>)).toThrow(GateConfigError);
    expect(() => resolvePolicy(input as Partial<FlipPolicy>)).toThrow(message);
  });

  it("rejects a swing-back minimum larger than the window it must fit in", () => {
    expect(() => resolvePolicy({ swingBackWindow: 20, swingBackMinSamples: 30 })).toThrow(
      /`policy\.swingBackMinSamples`: received 30; expected an integer ≥ 1 and ≤ swingBackWindow \(20\)/,
    );
  });

  it("rejects something that is not an object", () => {
    expect(() => resolvePolicy(0.05 as unknown as Partial<FlipPolicy>)).toThrow(/`policy`: received 0\.05/);
  });

  it("names the field under the caller's path", () => {
    const error = (() => {
      try {
        resolvePolicy({ auditRate: 2 }, "scopes.outreach.policy");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(GateConfigError);
    expect(error).toMatchObject({ option: "scopes.outreach.policy.auditRate", received: 2 });
  });
});
