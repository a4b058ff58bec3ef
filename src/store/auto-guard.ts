/**
 * The last check of an auto route, inside the transaction that stores it (DESIGN §4): the gate
 * decided the route on what it read before the judges ran, and an operator may have turned the
 * kill switch on, a scope back to shadow, or a breaker may have tripped, in the meantime. An auto
 * route commits only against the state in force at commit; otherwise the verdict is stored routed
 * to a human, saying why. A route is only ever lowered here, never raised.
 */
import type { Verdict } from "../types.js";
import type { Executor } from "./executor.js";
import type { ScopeRow } from "./tables.js";
import { readKillSwitch } from "./settings.js";

/** Why an auto route no longer holds at commit, or null when it does. */
export async function autoRouteLapsed(tx: Executor, verdict: Verdict, scope: ScopeRow): Promise<string | null> {
  if (verdict.route !== "auto") return null;
  if (await readKillSwitch(tx)) return "the kill switch was turned on";
  if (scope.breaker !== "closed") return "the scope's breaker tripped";
  if (scope.mode !== "auto") return "the scope was switched to shadow";
  if (scope.provenanceKey !== verdict.provenance.provenanceKey) return "the scope's provenance key changed";
  return null;
}

/** The verdict as a human will see it: routed to a human, in the scope's mode now, with the reason. */
export function loweredToHuman(verdict: Verdict, reason: string, scope: ScopeRow): Verdict {
  const { postHocSampled: _drawn, ...rest } = verdict;
  return { ...rest, mode: scope.mode, route: "human", rationale: `${verdict.rationale}; sent to a human: ${reason} while the draft was judged` };
}
