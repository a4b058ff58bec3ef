/**
 * Per-scope autonomy ceilings (DESIGN §6, seed 001): a scope capped below L4 can never run in
 * auto. Setting such a cap on a scope in auto sends it back to shadow in the same transaction.
 */
import { eq } from "drizzle-orm";
import { AUTO_LEVEL, isBelow, parseAutonomyLevel, type AutonomyLevel } from "../competence/levels.js";
import { appendAuditTx } from "./audit.js";
import type { StoreContext } from "./context.js";
import { rowToScopeState } from "./rows.js";
import { tablesOf } from "./tables.js";
import { ensureScopeTx, lockScopeTx, readScopeRow } from "./scopes.js";
import type { ScopeState } from "./types.js";

export function getCeiling(ctx: StoreContext, scope: string): Promise<AutonomyLevel | null> {
  return ctx.read(async (db) => {
    const { scopeCeilings } = tablesOf(db);
    const [row] = await db.select({ ceiling: scopeCeilings.ceiling }).from(scopeCeilings).where(eq(scopeCeilings.scope, scope));
    return row?.ceiling ?? null;
  });
}

export function setCeiling(ctx: StoreContext, scope: string, ceiling: AutonomyLevel | null, actor: string): Promise<ScopeState> {
  let level: AutonomyLevel | null;
  try {
    level = ceiling === null ? null : parseAutonomyLevel(ceiling);
  } catch (error) {
    return Promise.reject(error);
  }
  return ctx.write(async (tx) => {
    const { scopes, scopeCeilings } = tablesOf(tx);
    const now = ctx.now();
    const at = now.toISOString();
    await lockScopeTx(tx, scope);
    const [current] = await tx.select().from(scopeCeilings).where(eq(scopeCeilings.scope, scope));
    const row = await ensureScopeTx(tx, scope, now);
    if ((current?.ceiling ?? null) === level) return rowToScopeState(row);
    if (level === null) await tx.delete(scopeCeilings).where(eq(scopeCeilings.scope, scope));
    else {
      await tx
        .insert(scopeCeilings)
        .values({ scope, ceiling: level, actor, updatedAt: at })
        .onConflictDoUpdate({ target: scopeCeilings.scope, set: { ceiling: level, actor, updatedAt: at } });
    }
    await appendAuditTx(tx, now, { kind: "ceiling_change", scope, actor, payload: { from: current?.ceiling ?? null, to: level } });
    if (level !== null && isBelow(level, AUTO_LEVEL) && row.mode === "auto") {
      await tx.update(scopes).set({ mode: "shadow", updatedAt: at }).where(eq(scopes.scope, scope));
      await appendAuditTx(tx, now, {
        kind: "mode_change",
        scope,
        actor,
        payload: { from: "auto", to: "shadow", reason: `ceiling ${level}`, forced: false },
      });
    }
    return rowToScopeState((await readScopeRow(tx, scope, now)).row);
  });
}
