import type { CompetenceOptions } from "../competence/options.js";
import { AUTO_LEVEL, isBelow, LEVEL_ROLES } from "../competence/levels.js";
import { OperationRefusedError } from "../errors.js";
import type { FlipPolicy, GateStore, ScopeState } from "../store/types.js";
import type { Mode } from "../types.js";
import { scopeEligibility } from "./eligibility.js";
import { policyConflict } from "./policy-for.js";

export interface SwitchModeOptions {
  /** Who acts (operator id, `cli`). */
  actor: string;
  reason?: string;
  /** Switch to auto although the scope is not eligible; written to the audit log as forced. */
  force?: boolean;
  gatePolicy?: FlipPolicy;
  /** The competence ledger's options; with `enforce`, auto also requires the autonomous band. */
  competence?: CompetenceOptions;
}

/**
 * The operator act of DESIGN §4: switching to auto is refused, with the reasons, while the scope is
 * not eligible, unless forced. A scope whose ceiling is below L4 (auto) is refused even when forced: the
 * cap is a standing decision, not a shortfall of evidence. Switching to shadow is always allowed.
 */
export async function switchMode(store: GateStore, scope: string, mode: Mode, options: SwitchModeOptions): Promise<ScopeState> {
  if (mode === "auto") {
    const ceiling = await store.getCeiling(scope);
    if (ceiling !== null && isBelow(ceiling, AUTO_LEVEL)) {
      throw new OperationRefusedError(`Switching scope "${scope}" to auto`, [
        `the scope's ceiling is ${ceiling} (${LEVEL_ROLES[ceiling]}) and auto is ${AUTO_LEVEL}; refused even with --force — ` +
          `raise the ceiling first (autonomy-gate ceiling ${scope} ${AUTO_LEVEL})`,
      ]);
    }
    const state = await store.getScopeState(scope);
    const conflict = policyConflict(state, options.gatePolicy);
    if (conflict !== null && !options.force) {
      throw new OperationRefusedError(`Switching scope "${scope}" to auto`, [conflict]);
    }
    const eligibility = await scopeEligibility(store, state, options.gatePolicy, options.competence, { recount: true });
    if (!eligibility.eligible && !options.force) {
      throw new OperationRefusedError(`Switching scope "${scope}" to auto`, eligibility.reasons);
    }
    const forced = !eligibility.eligible;
    const reason = forced ? `${options.reason ?? "forced"} (not eligible: ${eligibility.reasons.join("; ")})` : options.reason;
    return store.setMode(scope, mode, { actor: options.actor, forced, ...(reason ? { reason } : {}) });
  }
  return store.setMode(scope, mode, { actor: options.actor, ...(options.reason ? { reason: options.reason } : {}) });
}
