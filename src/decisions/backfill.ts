import { checkDifficulty } from "../competence/ledger.js";
import { resolveCompetence, type CompetenceOptions } from "../competence/options.js";
import { checkBreaker } from "../stats/breaker.js";
import { checkSwingBack } from "../stats/swing-back.js";
import type { FlipPolicy, GateStore } from "../store/types.js";
import type { Decision, DecisionType, Verdict } from "../types.js";
import { policyFor } from "./policy-for.js";

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
 * included; only this verdict's scope moves. The ledger update is idempotent per verdict, so a
 * re-run (or a retry after a crash between the two writes) counts the decision exactly once.
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
  const config = resolveCompetence(competence);
  const { verdict, changed } = await store.recordDecision(verdictId, input);
  if (verdict.decision !== undefined) {
    await store.recordCompetence(
      {
        scope: verdict.scope,
        verdictId: verdict.id,
        decision: verdict.decision.type,
        at: verdict.decision.at,
        ...(difficulty === undefined ? {} : { difficulty }),
      },
      config,
    );
  }
  if (!changed || verdict.mode !== "auto") return verdict;
  const state = await store.getScopeState(verdict.scope);
  if (state.mode !== "auto") return verdict;
  const policy = policyFor(state, gatePolicy);
  const recent = await store.recentAutoDecisions(verdict.scope, state.epoch, policy.swingBackWindow);
  const check = breakerCheck(recent, policy);
  if (check.trip) await store.tripBreaker(verdict.scope, check.reason ?? "swing-back");
  return verdict;
}

/**
 * The breaker the policy names, on the latest decided auto-mode verdicts (newest first): the
 * window rule, or the CUSUM detectors on pass precision and agreement (which read the stream
 * oldest first). `passReviews` are post-hoc reviews of executed auto-approvals (see
 * `passReviewObservation`), counted by the pass-precision detector.
 */
export function breakerCheck(
  recent: ReadonlyArray<{ passed: boolean; decision: DecisionType }>,
  policy: FlipPolicy,
  passReviews: Parameters<typeof checkBreaker>[2] = [],
): { trip: boolean; reason?: string } {
  if (policy.breaker === "window") return checkSwingBack(recent, policy);
  return checkBreaker([...recent].reverse(), policy, passReviews);
}
