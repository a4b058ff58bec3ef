import { scopeEligibility } from "../decisions/eligibility.js";
import type { CompetenceOptions } from "../competence/options.js";
import type { FlipPolicy, GateStore } from "../store/types.js";
import type { Verdict } from "../types.js";

export interface RecheckContext {
  /** The kill switch as it is now (option, call context or store). */
  killSwitch: boolean;
  /** The provenance key of the gate reusing the verdict. */
  provenanceKey: string;
  gatePolicy: FlipPolicy;
  competence: CompetenceOptions;
}

/**
 * Why a stored auto verdict may not go auto now: the kill switch, the scope's mode and breaker,
 * its eligibility on the current evidence and the gate's provenance, all read at call time. A read
 * that fails is a reason too (fail open: to the human).
 */
async function reasonsAgainstAuto(store: GateStore, verdict: Verdict, ctx: RecheckContext): Promise<string[]> {
  const reasons: string[] = [];
  if (ctx.killSwitch) reasons.push("kill switch is on");
  if (verdict.provenance.provenanceKey !== ctx.provenanceKey) reasons.push("the gate's provenance changed");
  try {
    const state = await store.getScopeState(verdict.scope);
    if (state.mode !== "auto") reasons.push("scope is in shadow mode");
    if (state.breaker === "open") reasons.push("breaker open");
    const eligibility = await scopeEligibility(store, state, ctx.gatePolicy, ctx.competence);
    if (!eligibility.eligible) reasons.push("scope not eligible");
  } catch {
    reasons.push("scope state could not be read");
  }
  return reasons;
}

/**
 * A stored verdict found again for the same canonical input (a node re-run, a retry), with its
 * route re-checked now (DESIGN §4): a reuse may lower an auto route to the human, never raise one.
 * The stored row keeps its route (it is what was decided then); the caller gets the lowered copy,
 * and the human decides the stored verdict by its id as usual.
 */
export async function recheckReused(store: GateStore, verdict: Verdict, ctx: RecheckContext): Promise<Verdict> {
  if (verdict.route !== "auto") return verdict;
  const reasons = await reasonsAgainstAuto(store, verdict, ctx);
  if (reasons.length === 0) return verdict;
  return { ...verdict, route: "human", rationale: `${verdict.rationale}; reused verdict sent to a human: ${reasons.join(", ")}` };
}
