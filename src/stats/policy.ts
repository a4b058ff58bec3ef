import { z } from "zod";
import { GateConfigError } from "../errors.js";
import { checkFields, type FieldSpec } from "../validation/check-fields.js";
import type { FlipPolicy } from "./flip-types.js";

/**
 * The source's flip rule (DESIGN §5): n ≥ 50, agreement ≥ 0.80, zero rejected passes, and the
 * window breaker. The sequential and CUSUM fields are carried but only the sequential preset (or
 * `breaker: "cusum"`) reads them.
 */
export const SEED_FLIP_POLICY: Readonly<FlipPolicy> = Object.freeze({
  preset: "default",
  minDecided: 50,
  minAgreement: 0.8,
  maxRejectedPasses: 0,
  minWilsonLower: 0.8,
  minKappa: 0.6,
  alpha: 0.01,
  targetAgreement: 0.95,
  minPassPrecision: 0.7,
  targetPassPrecision: 0.95,
  maxRejectedPassRate: 0.02,
  auditRate: 0.05,
  blindRate: 0.2,
  revivalConfirmations: 10,
  breaker: "window",
  swingBackWindow: 50,
  swingBackMinSamples: 10,
  swingBackMinAgreement: 0.8,
  breakerAgreement: 0.9,
  breakerDriftAgreement: 0.7,
  breakerPassPrecision: 0.9,
  breakerDriftPassPrecision: 0.6,
  breakerFalseTripRate: 0.04,
  breakerHorizon: 1000,
  breakerTripOnRejectedPass: false,
});

/**
 * The seed rule plus a Wilson 95% lower bound ≥ 0.80 (≥ 46/50 at n = 50) and Cohen's κ ≥ 0.6.
 * A gate whose true agreement is 0.75 meets the seed rule in about 26% of 50-decision samples
 * and this one in about 0.2% (RESEARCH.md, "Statistics for the flip").
 */
export const STRICT_FLIP_POLICY: Readonly<FlipPolicy> = Object.freeze({ ...SEED_FLIP_POLICY, preset: "strict" });

/**
 * The sequential rule (DESIGN §5), the default: SPRTs on agreement (0.80 against 0.95) and on pass
 * precision (0.70 against 0.95) at α = 0.01 split across evidence restarts, valid however often
 * eligibility is checked; rejected passes as a rate (at most one per 50 decided passes); the CUSUM breaker
 * on pass precision and agreement with a 4% false-trip rate per 1,000 observations.
 */
export const SEQUENTIAL_FLIP_POLICY: Readonly<FlipPolicy> = Object.freeze({
  ...SEED_FLIP_POLICY,
  preset: "sequential",
  minDecided: 20,
  breaker: "cusum",
  swingBackWindow: 2000,
});

/** The policy a gate runs with when none is given: the sequential preset. */
export const DEFAULT_FLIP_POLICY: Readonly<FlipPolicy> = SEQUENTIAL_FLIP_POLICY;

const PRESETS: Record<FlipPolicy["preset"], Readonly<FlipPolicy>> = {
  default: SEED_FLIP_POLICY,
  strict: STRICT_FLIP_POLICY,
  sequential: SEQUENTIAL_FLIP_POLICY,
};

const share = z.number().min(0).max(1);
const openShare = z.number().gt(0).lt(1);
const positiveInt = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

// One schema and one plain-words range per field, so an error can name exactly what is valid.
const FIELDS: Record<keyof FlipPolicy, FieldSpec> = {
  preset: { schema: z.enum(["default", "strict", "sequential"]), expected: `"default", "strict" or "sequential"` },
  minDecided: { schema: positiveInt, expected: "an integer ≥ 1" },
  minAgreement: { schema: share, expected: "a number in [0, 1]" },
  maxRejectedPasses: { schema: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), expected: "an integer ≥ 0" },
  minWilsonLower: { schema: share, expected: "a number in [0, 1]" },
  minKappa: { schema: z.number().min(-1).max(1), expected: "a number in [-1, 1]" },
  alpha: { schema: z.number().gt(0).max(0.5), expected: "a number in (0, 0.5]" },
  targetAgreement: { schema: openShare, expected: "a number in (0, 1), above minAgreement" },
  minPassPrecision: { schema: openShare, expected: "a number in (0, 1)" },
  targetPassPrecision: { schema: openShare, expected: "a number in (0, 1), above minPassPrecision" },
  maxRejectedPassRate: { schema: openShare, expected: "a number in (0, 1)" },
  auditRate: { schema: share, expected: "a number in [0, 1]" },
  blindRate: { schema: share, expected: "a number in [0, 1]" },
  revivalConfirmations: { schema: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), expected: "an integer ≥ 0" },
  breaker: { schema: z.enum(["window", "cusum"]), expected: `"window" or "cusum"` },
  swingBackWindow: { schema: positiveInt, expected: "an integer ≥ 1" },
  swingBackMinSamples: { schema: positiveInt, expected: "an integer ≥ 1 and ≤ swingBackWindow" },
  swingBackMinAgreement: { schema: share, expected: "a number in [0, 1]" },
  breakerAgreement: { schema: openShare, expected: "a number in (0, 1), above breakerDriftAgreement" },
  breakerDriftAgreement: { schema: openShare, expected: "a number in (0, 1)" },
  breakerPassPrecision: { schema: openShare, expected: "a number in (0, 1), above breakerDriftPassPrecision" },
  breakerDriftPassPrecision: { schema: openShare, expected: "a number in (0, 1)" },
  breakerFalseTripRate: { schema: openShare, expected: "a number in (0, 1)" },
  breakerHorizon: { schema: z.number().int().min(1).max(100_000), expected: "an integer in [1, 100000]" },
  breakerTripOnRejectedPass: { schema: z.boolean(), expected: "a boolean" },
};

// Pairs where the first must be strictly above the second.
const ORDERED: Array<[keyof FlipPolicy, keyof FlipPolicy]> = [
  ["targetAgreement", "minAgreement"],
  ["targetPassPrecision", "minPassPrecision"],
  ["breakerAgreement", "breakerDriftAgreement"],
  ["breakerPassPrecision", "breakerDriftPassPrecision"],
];

/**
 * A complete, validated policy from a partial one. Missing fields come from the preset named in
 * `partial.preset` (sequential when absent), so `{ preset: "strict" }` alone gives the strict rule.
 * `path` prefixes field names in errors (e.g. `policy.auditRate`). Values are checked at run
 * time whatever their static type, so a policy read back from JSON (perhaps stored before a field
 * existed) can be passed as is.
 * @throws GateConfigError naming the first bad field, the value received and the valid range.
 */
export function resolvePolicy(partial: Partial<FlipPolicy> = {}, path = "policy"): FlipPolicy {
  const checked = checkFields(partial, FIELDS, path, "FlipPolicy");
  const base = PRESETS[(checked.preset as FlipPolicy["preset"] | undefined) ?? DEFAULT_FLIP_POLICY.preset];
  const policy = { ...base, ...checked } as FlipPolicy;
  if (policy.swingBackMinSamples > policy.swingBackWindow) {
    throw new GateConfigError(
      `${path}.swingBackMinSamples`,
      policy.swingBackMinSamples,
      `an integer ≥ 1 and ≤ swingBackWindow (${policy.swingBackWindow})`,
    );
  }
  for (const [above, below] of ORDERED) {
    if (!((policy[above] as number) > (policy[below] as number))) {
      throw new GateConfigError(`${path}.${above}`, policy[above], `a number above ${below} (${String(policy[below])})`);
    }
  }
  return policy;
}
