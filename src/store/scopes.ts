/**
 * Per-scope state: the operator's mode, the breaker, the evidence epoch and the policy override.
 * A scope never written reads as the default (shadow, breaker closed, epoch 0); every change is
 * audited in the same transaction, and re-applying the current state writes nothing.
 */
import { asc, eq } from "drizzle-orm";
import { GateConfigError } from "../errors.js";
import { canonicalJson } from "../hash.js";
import type { Mode } from "../types.js";
import { appendAuditTx, DEFAULT_ACTOR } from "./audit.js";
import type { Executor, StoreContext } from "./context.js";
import { summarize } from "../stats/agreement.js";
import { getCountsTx } from "./counters.js";
import { defaultScopeRow, rowToScopeState } from "./rows.js";
import { lockTx, tablesOf, type LockMode, type ScopeRow } from "./tables.js";
import type { FlipPolicy, ScopeState } from "./types.js";

const MODES: readonly Mode[] = ["shadow", "auto"];

/** The stored row of a scope, or its default when it was never written. */
export async function readScopeRow(db: Executor, scope: string, now: Date): Promise<{ row: ScopeRow; stored: boolean }> {
  const { scopes } = tablesOf(db);
  const [row] = await db.select().from(scopes).where(eq(scopes.scope, scope));
  return row === undefined ? { row: defaultScopeRow(scope, now), stored: false } : { row, stored: true };
}

/**
 * Holds the scope's state still for the rest of `tx`: exclusive to change it, shared to act on it
 * (an auto route checked at commit). Taken before the scope row is read.
 */
export function lockScopeTx(tx: Executor, scope: string, mode: LockMode = "exclusive"): Promise<void> {
  return lockTx(tx, `scope:${scope}`, mode);
}

/** Makes sure the scope has a row (so it shows in `listScopes`) and returns it. */
export async function ensureScopeTx(tx: Executor, scope: string, now: Date): Promise<ScopeRow> {
  const { scopes } = tablesOf(tx);
  const { row, stored } = await readScopeRow(tx, scope, now);
  if (!stored) await tx.insert(scopes).values(row).onConflictDoNothing();
  return row;
}

async function writeScopeRow(tx: Executor, row: ScopeRow): Promise<void> {
  const { scopes } = tablesOf(tx);
  const { scope, ...rest } = row;
  await tx.insert(scopes).values(row).onConflictDoUpdate({ target: scopes.scope, set: rest });
}

export function getScopeState(ctx: StoreContext, scope: string): Promise<ScopeState> {
  return ctx.read(async (db) => rowToScopeState((await readScopeRow(db, scope, ctx.now())).row));
}

export function listScopes(ctx: StoreContext): Promise<ScopeState[]> {
  return ctx.read(async (db) => {
    const { scopes } = tablesOf(db);
    return (await db.select().from(scopes).orderBy(asc(scopes.scope))).map(rowToScopeState);
  });
}

/** Writes the mode (switching to `auto` also closes the breaker) and audits `mode_change`. */
export function setMode(
  ctx: StoreContext,
  scope: string,
  mode: Mode,
  meta: { actor: string; reason?: string; forced?: boolean },
): Promise<ScopeState> {
  if (!MODES.includes(mode)) return Promise.reject(new GateConfigError("mode", mode, '"shadow" or "auto"'));
  return ctx.write(async (tx) => {
    const now = ctx.now();
    await lockScopeTx(tx, scope);
    const { row } = await readScopeRow(tx, scope, now);
    const closesBreaker = mode === "auto" && row.breaker === "open";
    if (row.mode === mode && !closesBreaker) return rowToScopeState(row);
    const next: ScopeRow = {
      ...row,
      mode,
      ...(mode === "auto" ? { breaker: "closed" as const, breakerReason: null } : {}),
      updatedAt: now.toISOString(),
    };
    await writeScopeRow(tx, next);
    await appendAuditTx(tx, now, {
      kind: "mode_change",
      scope,
      actor: meta.actor,
      payload: { from: row.mode, to: mode, reason: meta.reason ?? null, forced: meta.forced ?? false },
    });
    return rowToScopeState(next);
  });
}

/**
 * Opens the breaker: back to shadow and a new evidence epoch, audited as `breaker_trip`.
 * Tripping an open breaker changes nothing: the scope is already re-earning on a fresh epoch.
 */
export function tripBreaker(ctx: StoreContext, scope: string, reason: string): Promise<ScopeState> {
  return ctx.write((tx) => tripBreakerTx(tx, scope, reason, ctx.now()));
}

/** The trip inside the caller's transaction (a decision's, see decide-tx.ts). */
export async function tripBreakerTx(tx: Executor, scope: string, reason: string, now: Date): Promise<ScopeState> {
  await lockScopeTx(tx, scope);
  const { row } = await readScopeRow(tx, scope, now);
  if (row.breaker === "open") return rowToScopeState(row);
  const next: ScopeRow = {
    ...row,
    mode: "shadow",
    breaker: "open",
    breakerReason: reason,
    epoch: row.epoch + 1,
    revivedAgree: null,
    updatedAt: now.toISOString(),
  };
  await writeScopeRow(tx, next);
  await appendAuditTx(tx, now, {
    kind: "breaker_trip",
    scope,
    actor: DEFAULT_ACTOR,
    payload: { reason, from: row.mode, epoch: next.epoch },
  });
  return rowToScopeState(next);
}

/** Sets or clears (null) the scope's policy override, bumping its policy version; audited `policy_change`. */
export function setPolicy(ctx: StoreContext, scope: string, policy: FlipPolicy | null, actor: string): Promise<ScopeState> {
  return ctx.write(async (tx) => {
    const now = ctx.now();
    await lockScopeTx(tx, scope);
    const { row } = await readScopeRow(tx, scope, now);
    if (canonicalJson(row.policy) === canonicalJson(policy)) return rowToScopeState(row);
    const next: ScopeRow = { ...row, policy, policyVersion: row.policyVersion + 1, updatedAt: now.toISOString() };
    await writeScopeRow(tx, next);
    await appendAuditTx(tx, now, {
      kind: "policy_change",
      scope,
      actor,
      payload: { policy, policyVersion: next.policyVersion },
    });
    return rowToScopeState(next);
  });
}

/**
 * Records the provenance key now judging the scope and returns the previous one. Unchanged keys
 * (every draft after the first) are answered without the write lock. A changed key is audited as
 * `provenance_change`, and a scope in auto goes back to shadow in the same transaction (audited as
 * `mode_change`): the evidence behind the flip was gathered under the old key (DESIGN §5).
 */
export async function setProvenanceKey(
  ctx: StoreContext,
  scope: string,
  provenanceKey: string,
): Promise<{ previous: string | null; state: ScopeState }> {
  const current = await ctx.read((db) => readScopeRow(db, scope, ctx.now()));
  if (current.stored && current.row.provenanceKey === provenanceKey) {
    return { previous: provenanceKey, state: rowToScopeState(current.row) };
  }
  return ctx.write(async (tx) => {
    const now = ctx.now();
    await lockScopeTx(tx, scope);
    const { row, stored } = await readScopeRow(tx, scope, now);
    const previous = row.provenanceKey;
    if (stored && previous === provenanceKey) return { previous, state: rowToScopeState(row) };
    const next: ScopeRow = { ...row, provenanceKey, revivedAgree: null, updatedAt: now.toISOString() };
    if (previous !== null) {
      // Back to evidence it had left (A → B → A): announced, and auto waits for fresh decisions.
      const earlier = await getCountsTx(tx, { scope, provenanceKey, epoch: row.epoch });
      const { n, agree } = summarize(earlier);
      if (n > 0) {
        next.revivedAgree = agree;
        await appendAuditTx(tx, now, {
          kind: "evidence_revived",
          scope,
          actor: DEFAULT_ACTOR,
          payload: { provenanceKey, epoch: row.epoch, n, agree },
        });
      }
      next.mode = "shadow";
      await appendAuditTx(tx, now, {
        kind: "provenance_change",
        scope,
        actor: DEFAULT_ACTOR,
        payload: { from: previous, to: provenanceKey },
      });
      if (row.mode === "auto") {
        await appendAuditTx(tx, now, {
          kind: "mode_change",
          scope,
          actor: DEFAULT_ACTOR,
          payload: { from: "auto", to: "shadow", reason: "provenance key changed", forced: false },
        });
      }
    }
    await writeScopeRow(tx, next);
    return { previous, state: rowToScopeState(next) };
  });
}
