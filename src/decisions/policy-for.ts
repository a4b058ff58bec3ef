import { DEFAULT_FLIP_POLICY } from "../stats/policy.js";
import type { FlipPolicy, ScopeState } from "../store/types.js";

/** The policy in force for a scope: its stored override, else the gate's, else the default. */
export function policyFor(state: ScopeState, gatePolicy?: FlipPolicy): FlipPolicy {
  return state.policy ?? gatePolicy ?? DEFAULT_FLIP_POLICY;
}
