/**
 * The agreement counters: one row per body of evidence (scope × provenance key × epoch) holding
 * the 2×2 table of gate pass/fail against approve/edit/reject. See the schema for why they are
 * maintained counters rather than a query.
 */
import { and, count, eq, sql } from "drizzle-orm";
import type { DecisionType } from "../types.js";
import type { Executor, StoreContext } from "./context.js";
import { counterDifferences, recount } from "./recount.js";
import { tablesOf } from "./tables.js";
import type { AgreementCounts } from "./types.js";

export type CounterCell = keyof AgreementCounts;

/** Identifies one body of evidence. */
export interface EvidenceKey {
  scope: string;
  provenanceKey: string;
  epoch: number;
}

const CELLS: Record<"pass" | "fail", Record<Exclude<DecisionType, "skip">, CounterCell>> = {
  pass: { approve: "passApprove", edit: "passEdit", reject: "passReject" },
  fail: { approve: "failApprove", edit: "failEdit", reject: "failReject" },
};

/** The cell a decision on a verdict counts in; null for `skip`, which counts nowhere. */
export function counterCell(passed: boolean, type: DecisionType): CounterCell | null {
  return type === "skip" ? null : CELLS[passed ? "pass" : "fail"][type];
}

/** Adds `delta` to one cell, creating the evidence row on first use. Call inside the decision's transaction. */
export async function bumpCounterTx(tx: Executor, key: EvidenceKey, cell: CounterCell, delta: 1 | -1): Promise<void> {
  const { agreementCounters } = tablesOf(tx);
  const column = agreementCounters[cell];
  // A new rejected pass marks where the clean passes after it start counting (withdrawing one
  // leaves the mark: the scope waits a little longer, never less).
  const marksReject = cell === "passReject" && delta === 1;
  const c = agreementCounters;
  await tx
    .insert(agreementCounters)
    .values({ ...key, [cell]: delta, ...(marksReject ? { passesAtLastReject: 1 } : {}) })
    .onConflictDoUpdate({
      target: [agreementCounters.scope, agreementCounters.provenanceKey, agreementCounters.epoch],
      set: {
        [cell]: sql`${column} + ${delta}`,
        ...(marksReject ? { passesAtLastReject: sql`${c.passApprove} + ${c.passEdit} + ${c.passReject} + 1` } : {}),
      },
    });
}

export function zeroCounts(): AgreementCounts {
  return { passApprove: 0, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 0 };
}

/** One primary-key lookup; zeros when the evidence has no decisions yet. */
export function getCounts(ctx: StoreContext, key: EvidenceKey): Promise<AgreementCounts> {
  return ctx.read((db) => getCountsTx(db, key));
}

/** {@link getCounts} inside a transaction. */
export async function getCountsTx(db: Executor, key: EvidenceKey): Promise<AgreementCounts> {
  const { agreementCounters } = tablesOf(db);
  const [row] = await db
      .select({
        passApprove: agreementCounters.passApprove,
        passEdit: agreementCounters.passEdit,
        passReject: agreementCounters.passReject,
        failApprove: agreementCounters.failApprove,
        failEdit: agreementCounters.failEdit,
        failReject: agreementCounters.failReject,
        passesAtLastReject: agreementCounters.passesAtLastReject,
      })
      .from(agreementCounters)
      .where(
        and(
          eq(agreementCounters.scope, key.scope),
          eq(agreementCounters.provenanceKey, key.provenanceKey),
          eq(agreementCounters.epoch, key.epoch),
        ),
      );
    if (row === undefined) return zeroCounts();
    const { passesAtLastReject, ...counts } = row;
    return passesAtLastReject > 0 ? { ...counts, passesAtLastReject } : counts;
}

/** The counts a recount of the decision rows of one body of evidence gives (see recount.ts). */
export function recountCounts(ctx: StoreContext, key: EvidenceKey): Promise<AgreementCounts> {
  return ctx.read(async (db) => recountTx(db, key));
}

export async function recountTx(db: Executor, key: EvidenceKey): Promise<AgreementCounts> {
  return recount(await recountQuery(db, key));
}

/**
 * The decision rows of an evidence key, grouped in the database by cell: a handful of rows however
 * long the history, read from the covering index alone (exported so a test can check the plan).
 */
export function recountQuery(db: Executor, key: EvidenceKey) {
  const { verdicts } = tablesOf(db);
  return db
    .select({ passed: verdicts.passed, decision: verdicts.decisionType, n: count() })
    .from(verdicts)
    .where(and(eq(verdicts.scope, key.scope), eq(verdicts.provenanceKey, key.provenanceKey), eq(verdicts.epoch, key.epoch)))
    .groupBy(verdicts.passed, verdicts.decisionType);
}

/** Every counter row with what a recount gives; the rows that differ, with the cells, for `audit verify`. */
export async function counterMismatches(ctx: StoreContext): Promise<Array<EvidenceKey & { differences: string[] }>> {
  const rows = await ctx.read((db) => db.select().from(tablesOf(db).agreementCounters));
  const mismatches: Array<EvidenceKey & { differences: string[] }> = [];
  for (const row of rows) {
    const key = { scope: row.scope, provenanceKey: row.provenanceKey, epoch: row.epoch };
    const differences = counterDifferences(row, await recountCounts(ctx, key));
    if (differences.length > 0) mismatches.push({ ...key, differences });
  }
  return mismatches;
}
