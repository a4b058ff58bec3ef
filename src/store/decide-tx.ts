/**
 * A decision and everything it implies, in one write transaction (DESIGN §5, §6, §9): the decision
 * row, its counter move and audit entry, the competence ledger update, the swing-back check and a
 * breaker trip with its audit entry. A crash anywhere inside leaves none of it; a crash after the
 * commit leaves all of it. A retry of the same decision finds the row decided and re-runs only the
 * idempotent rest (the ledger keys on the verdict, the trip on the breaker's state), so nothing is
 * counted twice and nothing is skipped.
 */
import { policyFor } from "../decisions/policy-for.js";
import { breakerCheck } from "../stats/breaker-check.js";
import { recordCompetenceTx } from "./competence.js";
import type { Executor } from "./context.js";
import { applyDecisionTx, recentAutoQuery } from "./decision-row.js";
import { faultPoint } from "./fault-points.js";
import { rowToScopeState } from "./rows.js";
import type { VerdictRow } from "./tables.js";
import { lockScopeTx, readScopeRow, tripBreakerTx } from "./scopes.js";
import type { DecisionEffects, DecisionResult } from "./types.js";
import type { Decision } from "../types.js";

export async function decideTx(
  tx: Executor,
  row: VerdictRow,
  decision: Decision,
  now: Date,
  effects: DecisionEffects | undefined,
): Promise<DecisionResult> {
  const result = await applyDecisionTx(tx, row, decision, now);
  if (effects === undefined) return result;
  const { verdict } = result;
  const type = verdict.decision?.type ?? decision.type;
  await recordCompetenceTx(
    tx,
    {
      scope: verdict.scope,
      verdictId: verdict.id,
      decision: type,
      at: verdict.decision?.at ?? decision.at,
      ...(effects.difficulty === undefined ? {} : { difficulty: effects.difficulty }),
    },
    effects.competence,
    now,
  );
  faultPoint("ledger_updated");
  if (verdict.mode !== "auto") return result;
  // The swing-back window of a scope is read and acted on by one decision at a time.
  await lockScopeTx(tx, verdict.scope);
  const state = rowToScopeState((await readScopeRow(tx, verdict.scope, now)).row);
  if (state.mode !== "auto") return result;
  const policy = policyFor(state, effects.gatePolicy);
  const recent = (await recentAutoQuery(tx, verdict.scope, state.epoch, policy.swingBackWindow)).flatMap((r) =>
    r.decision === null ? [] : [{ passed: r.passed, decision: r.decision }],
  );
  // The rule is pure; where it runs (here, inside the decision's transaction) is the store's.
  const check = breakerCheck(recent, policy);
  faultPoint("swing_back_checked");
  if (check.trip) {
    await tripBreakerTx(tx, verdict.scope, check.reason ?? "swing-back", now);
    faultPoint("breaker_tripped");
  }
  return result;
}
