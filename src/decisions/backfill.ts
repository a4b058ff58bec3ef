import { checkDifficulty } from "../competence/ledger.js";
import { resolveCompetence, type CompetenceOptions } from "../competence/options.js";
import type { FlipPolicy, GateStore } from "../store/types.js";
import type { Decision, Verdict } from "../types.js";

export type DecisionInput = Omit<Decision, "at"> & {
  at?: string;
  /** How hard the task was, for the competence ledger: a weight in [0.5, 2.0]. @default 1 */
  difficulty?: number;
};

/**
 * Backfills a human decision onto a verdict (idempotent) and, for a verdict routed in auto mode,
 * runs the swing-back check: a rejected pass, or agreement below the bar over the window, trips the
 * scope's breaker (back to shadow, audited, evidence epoch restarted).
 *
 * Every decision also moves the scope's competence ledger (DESIGN §6), audit outcomes in auto mode
 * included; only this verdict's scope moves. The decision, its counter move, the ledger update,
 * the swing-back check, a trip and their audit entries commit in one store transaction, so a crash
 * leaves all or none of them, and a retry of the same decision completes whatever is missing.
 */
export async function backfillDecision(
  store: GateStore,
  verdictId: string,
  decision: DecisionInput,
  gatePolicy?: FlipPolicy,
  competence?: CompetenceOptions,
): Promise<Verdict> {
  const { difficulty, ...input } = decision;
  // Bad input is refused before anything is written.
  checkDifficulty(difficulty);
  const { alpha, beta, initial } = resolveCompetence(competence);
  const { verdict } = await store.recordDecision(verdictId, input, {
    competence: { alpha, beta, initial },
    ...(gatePolicy === undefined ? {} : { gatePolicy }),
    ...(difficulty === undefined ? {} : { difficulty }),
  });
  return verdict;
}

