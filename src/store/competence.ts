/**
 * The competence ledger's persistence (DESIGN §6). The bounded update itself is pure
 * (`src/competence/ledger.ts`); here it runs inside one write transaction per decision, so
 * concurrent workers never lose an update, and each verdict's latest entry makes re-runs no-ops.
 */
import { desc, eq } from "drizzle-orm";
import { checkDifficulty, competenceSignal, reviseStrength } from "../competence/ledger.js";
import { DEFAULT_COMPETENCE, type CompetenceConfig } from "../competence/options.js";
import type { Executor, StoreContext } from "./context.js";
import type { CompetenceEntry, CompetenceInput, CompetenceState } from "./ledger-types.js";
import { lockTx, tablesOf, type CompetenceEventRow } from "./tables.js";

const DEFAULT_HISTORY_LIMIT = 5000;

const toEntry = (row: CompetenceEventRow): CompetenceEntry => ({ ...row });

export function getCompetence(ctx: StoreContext, scope: string): Promise<CompetenceState | null> {
  return ctx.read(async (db) => {
    const { competence } = tablesOf(db);
    const [row] = await db.select().from(competence).where(eq(competence.scope, scope));
    return row ?? null;
  });
}

export function recordCompetence(
  ctx: StoreContext,
  input: CompetenceInput,
  config: Pick<CompetenceConfig, "alpha" | "beta" | "initial"> = DEFAULT_COMPETENCE,
): Promise<{ entry: CompetenceEntry | null; strength: number }> {
  try {
    checkDifficulty(input.difficulty);
  } catch (error) {
    return Promise.reject(error);
  }
  return ctx.write((tx) => recordCompetenceTx(tx, input, config, ctx.now()));
}

/**
 * The ledger update inside the caller's transaction (a decision's, see decide-tx.ts). Idempotent
 * per verdict: the verdict's latest entry already holding this decision changes nothing.
 */
export async function recordCompetenceTx(
  tx: Executor,
  input: CompetenceInput,
  config: Pick<CompetenceConfig, "alpha" | "beta" | "initial">,
  now: Date,
): Promise<{ entry: CompetenceEntry | null; strength: number }> {
  const difficulty = checkDifficulty(input.difficulty);
  const { competence, competenceEvents } = tablesOf(tx);
  // Read, revise, write: one decision at a time per scope.
  await lockTx(tx, `competence:${input.scope}`);
  const [current] = await tx.select().from(competence).where(eq(competence.scope, input.scope));
  const before = current?.strength ?? config.initial;
  const [last] = await tx
    .select()
    .from(competenceEvents)
    .where(eq(competenceEvents.verdictId, input.verdictId))
    .orderBy(desc(competenceEvents.seq))
    .limit(1);
  const signal = competenceSignal(input.decision);
  // Already counted, or a skip with nothing to withdraw: nothing to do.
  if (last?.decision === input.decision || (last === undefined && signal === 0)) return { entry: null, strength: before };
  const previous = last === undefined ? null : { signal: last.signal as -1 | 0 | 1, difficulty: last.difficulty };
  const after = reviseStrength(before, { signal, difficulty }, previous, config);
  const at = input.at ?? now.toISOString();
  const [row] = await tx
    .insert(competenceEvents)
    .values({ scope: input.scope, verdictId: input.verdictId, decision: input.decision, signal, difficulty, before, after, at })
    .returning();
  await tx
    .insert(competence)
    .values({ scope: input.scope, strength: after, updates: 1, updatedAt: at })
    .onConflictDoUpdate({ target: competence.scope, set: { strength: after, updates: (current?.updates ?? 0) + 1, updatedAt: at } });
  return { entry: row === undefined ? null : toEntry(row), strength: after };
}

export function competenceHistory(ctx: StoreContext, scope: string, options: { limit?: number } = {}): Promise<CompetenceEntry[]> {
  return ctx.read(async (db) => {
    const { competenceEvents } = tablesOf(db);
    const latest = await db
      .select()
      .from(competenceEvents)
      .where(eq(competenceEvents.scope, scope))
      .orderBy(desc(competenceEvents.seq))
      .limit(options.limit ?? DEFAULT_HISTORY_LIMIT);
    return latest.reverse().map(toEntry);
  });
}

