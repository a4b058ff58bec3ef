import { DEFAULT_FLIP_POLICY, resolvePolicy } from "../stats/policy.js";
import type { FlipPolicy, ScopeState } from "../store/types.js";

/**
 * The policy in force for a scope: its policy of record (stored, versioned, audited), else the
 * gate's, else the default. A stored policy is completed from its preset, so one stored before a
 * field existed still reads whole.
 */
export function policyFor(state: ScopeState, gatePolicy?: FlipPolicy): FlipPolicy {
  if (state.policy) return resolvePolicy(state.policy, "stored policy");
  return gatePolicy ?? DEFAULT_FLIP_POLICY;
}

/**
 * Why `asked` (a policy a CLI or API caller passes) is not the scope's policy of record, or null
 * when they agree or nothing is stored. Callers say so instead of judging on another policy.
 */
export function policyConflict(state: ScopeState, asked: FlipPolicy | undefined): string | null {
  if (!state.policy || !asked) return null;
  const stored = resolvePolicy(state.policy, "stored policy");
  const differing = (Object.keys(stored) as Array<keyof FlipPolicy>).filter((k) => stored[k] !== asked[k]);
  if (differing.length === 0) return null;
  return (
    `the policy given (${asked.preset}) differs from scope "${state.scope}"'s policy of record (${stored.preset}) in ` +
    `${differing.join(", ")}; eligibility is judged on the policy of record`
  );
}
