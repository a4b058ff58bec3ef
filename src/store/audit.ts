/**
 * The append-only, hash-chained audit log (DESIGN §8). Each entry's hash covers the previous
 * entry's hash and its own content, so editing, deleting or reordering any row breaks the chain
 * from that row on; the head (./audit-head.ts) catches rows cut off the end. `audit verify` is in
 * ./audit-verify.ts.
 */
import { desc, eq } from "drizzle-orm";
import { auditHash, GENESIS_HASH, type AuditContent } from "./audit-hash.js";
import { cachedHead, headForAppend, moveCachedHeadTx, writeAuditHeadTx } from "./audit-head.js";
import type { Executor, StoreContext } from "./context.js";
import { rowToAuditEntry } from "./rows.js";
import { tablesOf } from "./tables.js";
import type { AuditEntry, AuditInput } from "./types.js";

export { auditHash, GENESIS_HASH };

/** Actor recorded when the caller names none. */
export const DEFAULT_ACTOR = "system";

const DEFAULT_LIST_LIMIT = 100;

const pending = new WeakMap<object, Array<{ now: Date; input: AuditInput }>>();

/**
 * Queues one entry in the caller's write transaction; the transaction appends its queued entries,
 * in order, just before it commits (./write-body.ts), so they commit or roll back with the change
 * they record. Appending last keeps the audit chain's lock (the one point where concurrent writers
 * take turns) held only from there to the commit.
 */
export function appendAuditTx(tx: Executor, now: Date, input: AuditInput): void {
  const queue = pending.get(tx);
  if (queue === undefined) pending.set(tx, [{ now, input }]);
  else queue.push({ now, input });
}

/** Appends the entries `tx` queued (see appendAuditTx); the last one appended, if any. */
export async function flushAuditTx(tx: Executor): Promise<AuditEntry | null> {
  const queue = pending.get(tx);
  if (queue === undefined || queue.length === 0) return null;
  pending.delete(tx);
  let last: AuditEntry | null = null;
  for (const { now, input } of queue) last = await appendNowTx(tx, now, input);
  return last;
}

/**
 * Appends one entry now. Concurrent writers never fork the chain: on SQLite the write lock holds
 * the whole database; on PostgreSQL the first append of a transaction locks the head's row (its
 * conditional update, or reading it FOR UPDATE) until the commit.
 */
async function appendNowTx(tx: Executor, now: Date, input: AuditInput): Promise<AuditEntry> {
  const { auditLog } = tablesOf(tx);
  // The head this connection wrote last, if the database still holds it: one conditional update.
  const cached = cachedHead(tx);
  if (cached !== null) {
    const entry = entryAfter(cached, now, input);
    if (await moveCachedHeadTx(tx, entry)) {
      await tx.insert(auditLog).values(entry);
      return entry;
    }
  }
  // The head, not the table's last row: a log cut short then shows a gap instead of healing.
  const last = (await headForAppend(tx)) ?? (await tailOf(tx));
  const entry = entryAfter(last ?? null, now, input);
  await tx.insert(auditLog).values(entry);
  await writeAuditHeadTx(tx, entry);
  return entry;
}

function entryAfter(last: { seq: number; hash: string } | null, now: Date, input: AuditInput): AuditEntry {
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
  return { ...content, prevHash, hash: auditHash(prevHash, content) };
}

/** The newest row, for a database whose head is missing (written before heads were kept). */
async function tailOf(tx: Executor): Promise<{ seq: number; hash: string } | undefined> {
  const { auditLog } = tablesOf(tx);
  const [row] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row;
}

export function appendAudit(ctx: StoreContext, input: AuditInput): Promise<AuditEntry> {
  return ctx.write(async (tx) => {
    appendAuditTx(tx, ctx.now(), input);
    const entry = await flushAuditTx(tx);
    if (entry === null) throw new Error("the audit entry was not appended");
    return entry;
  });
}

/** Entries newest first, optionally of one scope. */
export function listAudit(ctx: StoreContext, filter: { scope?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  return ctx.read(async (db) => {
    const { auditLog } = tablesOf(db);
    const rows = await db
      .select()
      .from(auditLog)
      .where(filter.scope === undefined ? undefined : eq(auditLog.scope, filter.scope))
      .orderBy(desc(auditLog.seq))
      .limit(filter.limit ?? DEFAULT_LIST_LIMIT);
    return rows.map(rowToAuditEntry);
  });
}
