/**
 * Verdict rows: insert-or-ignore by the caller's deterministic id, so a node that LangGraph
 * re-runs on resume never stores a second verdict for the same draft.
 */
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Route, Verdict } from "../types.js";
import type { StoreContext } from "./context.js";
import { appendAuditTx } from "./audit.js";
import { autoRouteLapsed, loweredToHuman } from "./auto-guard.js";
import { applyDecisionTx } from "./decision-row.js";
import { verdictRowHash } from "./row-hash.js";
import { rowToVerdict, verdictToRow } from "./rows.js";
import { tablesOf } from "./tables.js";
import { ensureScopeTx, lockScopeTx } from "./scopes.js";
import { lockKillSwitchTx } from "./settings.js";

const DEFAULT_LIST_LIMIT = 100;

/**
 * Stores a verdict stamped with its scope's current evidence epoch and policy version; an auto
 * route that no longer holds at commit is stored routed to a human (./auto-guard.ts). An id
 * already stored returns the stored verdict unchanged (`inserted: false`). A verdict that arrives
 * with a decision is stored undecided and the decision applied as by `recordDecision`, so the
 * counters agree.
 */
export function saveVerdict(ctx: StoreContext, input: Verdict): Promise<{ verdict: Verdict; inserted: boolean }> {
  return ctx.write(async (tx) => {
    const { verdicts } = tablesOf(tx);
    const now = ctx.now();
    if (input.route === "auto") {
      // An auto route is checked against the state at commit: hold it still until then.
      await lockScopeTx(tx, input.scope, "shared");
      await lockKillSwitchTx(tx, "shared");
    }
    const scope = await ensureScopeTx(tx, input.scope, now);
    const lapsed = await autoRouteLapsed(tx, input, scope);
    const verdict = lapsed === null ? input : loweredToHuman(input, lapsed, scope);
    const { decision, ...undecided } = verdict;
    const row = verdictToRow(undecided, { epoch: scope.epoch, policyVersion: scope.policyVersion });
    // One statement inserts or finds the id taken (a re-run, a concurrent writer) and reads the
    // row back as stored, which is what its audit hash covers.
    const [stored] = await tx.insert(verdicts).values(row).onConflictDoNothing({ target: verdicts.id }).returning();
    if (stored === undefined) {
      const [existing] = await tx.select().from(verdicts).where(eq(verdicts.id, input.id));
      if (existing === undefined) throw new Error(`verdict ${input.id} was neither inserted nor found`);
      return { verdict: rowToVerdict(existing), inserted: false };
    }
    // Every verdict is audited in its own transaction with a hash of the row, so `audit verify`
    // sees a verdict edited or deleted later. An auto route is stamped as such.
    const rowHash = verdictRowHash(stored);
    const auto = verdict.route === "auto";
    await appendAuditTx(tx, now, {
      kind: auto ? "auto_approve" : "verdict",
      scope: verdict.scope,
      actor: "gate",
      payload: {
        verdictId: verdict.id,
        ...(auto ? { draftHash: verdict.draftHash, provenanceKey: verdict.provenance.provenanceKey } : {}),
        rowHash,
      },
    });
    if (decision === undefined) return { verdict: rowToVerdict(stored), inserted: true };
    return { verdict: (await applyDecisionTx(tx, stored, decision, now)).verdict, inserted: true };
  });
}

export function getVerdict(ctx: StoreContext, id: string): Promise<Verdict | null> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    // The gate asks for every new draft and usually misses: a one-column probe answers a miss at a
    // fraction of the cost of reading (and decoding) every column.
    const [probe] = await db.select({ id: verdicts.id }).from(verdicts).where(eq(verdicts.id, id));
    if (probe === undefined) return null;
    const [row] = await db.select().from(verdicts).where(eq(verdicts.id, id));
    return row === undefined ? null : rowToVerdict(row);
  });
}

/** Verdicts newest first, by scope and/or thread. @default limit 100 */
export function listVerdicts(ctx: StoreContext, filter: { scope?: string; threadId?: string; limit?: number }): Promise<Verdict[]> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    const rows = await db
      .select()
      .from(verdicts)
      .where(
        and(
          filter.scope === undefined ? undefined : eq(verdicts.scope, filter.scope),
          filter.threadId === undefined ? undefined : eq(verdicts.threadId, filter.threadId),
        ),
      )
      .orderBy(desc(verdicts.createdAt), desc(sql`rowid`))
      .limit(filter.limit ?? DEFAULT_LIST_LIMIT);
    return rows.map(rowToVerdict);
  });
}

/** A thread's latest `limit` verdicts in a scope, id and pass/fail only (same order as listVerdicts). */
export function threadHistory(ctx: StoreContext, scope: string, threadId: string, limit: number): Promise<Array<Pick<Verdict, "id" | "passed">>> {
  return ctx.read((db) => {
    const { verdicts } = tablesOf(db);
    return db
      .select({ id: verdicts.id, passed: verdicts.passed })
      .from(verdicts)
      .where(and(eq(verdicts.scope, scope), eq(verdicts.threadId, threadId)))
      .orderBy(desc(verdicts.createdAt), desc(sql`rowid`))
      .limit(limit);
  });
}

/** How the latest `limit` verdicts of a scope were routed (for the autonomy rate). */
export function routeCounts(ctx: StoreContext, scope: string, limit: number): Promise<Record<Route, number>> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    const latest = db
      .select({ route: verdicts.route })
      .from(verdicts)
      .where(eq(verdicts.scope, scope))
      .orderBy(desc(verdicts.createdAt), desc(sql`rowid`))
      .limit(limit)
      .as("latest");
    const rows = await db.select({ route: latest.route, n: count() }).from(latest).groupBy(latest.route);
    const counts: Record<Route, number> = { auto: 0, human: 0, escalate: 0 };
    for (const { route, n } of rows) counts[route] = n;
    return counts;
  });
}
