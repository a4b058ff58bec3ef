/**
 * Backfilling human decisions onto verdicts (DESIGN §5, §9) by id, and reading the swing-back
 * window. A decision, its counter move and its audit entry commit together or not at all.
 */
import { eq } from "drizzle-orm";
import { GateConfigError, NotFoundError } from "../errors.js";
import { DECISION_TYPES, type Decision, type DecisionType } from "../types.js";
import type { StoreContext } from "./context.js";
import { decideTx } from "./decide-tx.js";
import { recentAutoQuery } from "./decision-row.js";
import { faultPoint } from "./fault-points.js";
import { dialectOf, tablesOf } from "./tables.js";
import type { DecisionEffects, DecisionResult } from "./types.js";

export type DecisionInput = Omit<Decision, "at"> & { at?: string };

/**
 * Backfills a decision by verdict id; NotFoundError for an unknown id. With `effects`, the ledger
 * update, the swing-back check and a trip commit in the same transaction (see decide-tx.ts).
 */
export function recordDecision(
  ctx: StoreContext,
  verdictId: string,
  input: DecisionInput,
  effects?: DecisionEffects,
): Promise<DecisionResult> {
  if (!(DECISION_TYPES as readonly string[]).includes(input.type)) {
    return Promise.reject(new GateConfigError("decision.type", input.type, DECISION_TYPES.map((t) => `"${t}"`).join(" | ")));
  }
  return ctx
    .write(async (tx) => {
      const { verdicts } = tablesOf(tx);
      // Read locked: two writers deciding the same verdict take turns, so neither counts what the other moved.
      const [row] = await dialectOf(tx).forUpdate(tx.select().from(verdicts).where(eq(verdicts.id, verdictId)));
      if (row === undefined) throw new NotFoundError("verdict", verdictId);
      const now = ctx.now();
      return decideTx(tx, row, { ...input, at: input.at ?? now.toISOString() }, now, effects);
    })
    .then((result) => {
      faultPoint("committed");
      return result;
    });
}

/**
 * The swing-back window: the latest decided (approve / edit / reject) verdicts stored in auto mode
 * during `epoch`, newest decision first. Served by the (scope, mode, epoch, decided_at) index.
 */
export function recentAutoDecisions(
  ctx: StoreContext,
  scope: string,
  epoch: number,
  limit: number,
): Promise<Array<{ passed: boolean; decision: DecisionType }>> {
  return ctx.read(async (db) => {
    const rows = await recentAutoQuery(db, scope, epoch, limit);
    return rows.flatMap((r) => (r.decision === null ? [] : [{ passed: r.passed, decision: r.decision }]));
  });
}

