/**
 * The append-only, hash-chained audit log (DESIGN §8). Each entry's hash covers the previous
 * entry's hash and its own content, so editing, deleting or reordering any row breaks the chain
 * from that row on. (Cutting rows off the end leaves a valid, shorter chain: keep the latest
 * hash elsewhere if that matters.)
 */
import { asc, desc, eq, gt } from "drizzle-orm";
import { auditHash, GENESIS_HASH, type AuditContent } from "./audit-hash.js";
import type { Executor, StoreContext } from "./context.js";
import { counterMismatches } from "./counters.js";
import { rowToAuditEntry } from "./rows.js";
import { auditLog } from "./schema.js";
import type { AuditEntry, AuditInput, AuditVerification } from "./types.js";

export { auditHash, GENESIS_HASH };

/** Actor recorded when the caller names none. */
export const DEFAULT_ACTOR = "system";

const VERIFY_PAGE = 500;
const DEFAULT_LIST_LIMIT = 100;

/**
 * Appends one entry inside the caller's write transaction, so it commits or rolls back with the
 * change it records, and the write lock makes reading the tail and inserting after it atomic
 * across processes.
 */
export async function appendAuditTx(tx: Executor, now: Date, input: AuditInput): Promise<AuditEntry> {
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const content: AuditContent = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    kind: input.kind,
    scope: input.scope ?? null,
    actor: input.actor ?? DEFAULT_ACTOR,
    // Hash exactly what reading the row back yields (dates become strings, undefined drops).
    payload: JSON.parse(JSON.stringify(input.payload ?? {})) as Record<string, unknown>,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const entry: AuditEntry = { ...content, prevHash, hash: auditHash(prevHash, content) };
  await tx.insert(auditLog).values(entry);
  return entry;
}

export function appendAudit(ctx: StoreContext, input: AuditInput): Promise<AuditEntry> {
  return ctx.write((tx) => appendAuditTx(tx, ctx.now(), input));
}

/** Entries newest first, optionally of one scope. */
export function listAudit(ctx: StoreContext, filter: { scope?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  return ctx.read(async (db) => {
    const rows = await db
      .select()
      .from(auditLog)
      .where(filter.scope === undefined ? undefined : eq(auditLog.scope, filter.scope))
      .orderBy(desc(auditLog.seq))
      .limit(filter.limit ?? DEFAULT_LIST_LIMIT);
    return rows.map(rowToAuditEntry);
  });
}

/** Walks the whole log in `seq` order, a page at a time, recomputing every hash and link. */
export async function verifyAudit(ctx: StoreContext): Promise<AuditVerification> {
  const chain = await verifyChain(ctx);
  // The flip rests on the counters too: they must equal a recount of the decision rows.
  const mismatches = await counterMismatches(ctx);
  if (mismatches.length === 0) return chain;
  return { ...chain, ok: false, counterMismatches: mismatches };
}

async function verifyChain(ctx: StoreContext): Promise<AuditVerification> {
  let checked = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const after = expectedSeq - 1;
    const rows = await ctx.read((db) =>
      db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(VERIFY_PAGE),
    );
    for (const row of rows) {
      const problem =
        row.seq !== expectedSeq
          ? "gap"
          : row.prevHash !== prevHash
            ? "broken link"
            : auditHash(row.prevHash, row) !== row.hash
              ? "hash mismatch"
              : null;
      if (problem !== null) return { ok: false, checked, firstBad: { seq: row.seq, problem } };
      checked++;
      expectedSeq++;
      prevHash = row.hash;
    }
    if (rows.length < VERIFY_PAGE) return { ok: true, checked };
  }
}
