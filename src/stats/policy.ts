import { z } from "zod";
import { GateConfigError } from "../errors.js";
import { checkFields, type FieldSpec } from "../validation/check-fields.js";
import type { FlipPolicy } from "../store/types.js";

/**
 * The source's flip rule (DESIGN §5): n ≥ 50, agreement ≥ 0.80, zero rejected passes.
 * `minWilsonLower` and `minKappa` are carried but only the strict preset checks them.
 */
export const DEFAULT_FLIP_POLICY: Readonly<FlipPolicy> = Object.freeze({
  preset: "default",
  minDecided: 50,
  minAgreement: 0.8,
  maxRejectedPasses: 0,
  minWilsonLower: 0.8,
  minKappa: 0.6,
  auditRate: 0.05,
  swingBackWindow: 50,
  swingBackMinSamples: 10,
  swingBackMinAgreement: 0.8,
});

/**
 * The default rule plus a Wilson 95% lower bound ≥ 0.80 (≥ 46/50 at n = 50) and Cohen's κ ≥ 0.6.
 * A gate whose true agreement is 0.75 meets the default rule in about 26% of 50-decision samples
 * and this one in about 0.2% (RESEARCH.md, "Statistics for the flip").
 */
export const STRICT_FLIP_POLICY: Readonly<FlipPolicy> = Object.freeze({ ...DEFAULT_FLIP_POLICY, preset: "strict" });

const share = z.number().min(0).max(1);
const positiveInt = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

// One schema and one plain-words range per field, so an error can name exactly what is valid.
const FIELDS: Record<keyof FlipPolicy, FieldSpec> = {
  preset: { schema: z.enum(["default", "strict"]), expected: `"default" or "strict"` },
  minDecided: { schema: positiveInt, expected: "an integer ≥ 1" },
  minAgreement: { schema: share, expected: "a number in [0, 1]" },
  maxRejectedPasses: { schema: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), expected: "an integer ≥ 0" },
  minWilsonLower: { schema: share, expected: "a number in [0, 1]" },
  minKappa: { schema: z.number().min(-1).max(1), expected: "a number in [-1, 1]" },
  auditRate: { schema: share, expected: "a number in [0, 1]" },
  swingBackWindow: { schema: positiveInt, expected: "an integer ≥ 1" },
  swingBackMinSamples: { schema: positiveInt, expected: "an integer ≥ 1 and ≤ swingBackWindow" },
  swingBackMinAgreement: { schema: share, expected: "a number in [0, 1]" },
};

/**
 * A complete, validated policy from a partial one. Missing fields come from the preset named in
 * `partial.preset` (strict or default), so `{ preset: "strict" }` alone gives the strict rule.
 * `path` prefixes field names in errors (e.g. `policy.auditRate`). Values are checked at run
 * time whatever their static type, so a policy read back from JSON can be passed as is.
 * @throws GateConfigError naming the first bad field, the value received and the valid range.
 */
export function resolvePolicy(partial: Partial<FlipPolicy> = {}, path = "policy"): FlipPolicy {
  const checked = checkFields(partial, FIELDS, path, "FlipPolicy");
  const base = checked.preset === "strict" ? STRICT_FLIP_POLICY : DEFAULT_FLIP_POLICY;
  const policy = { ...base, ...checked } as FlipPolicy;
  if (policy.swingBackMinSamples > policy.swingBackWindow) {
    throw new GateConfigError(
      `${path}.swingBackMinSamples`,
      policy.swingBackMinSamples,
      `an integer ≥ 1 and ≤ swingBackWindow (${policy.swingBackWindow})`,
    );
  }
  return policy;
}
