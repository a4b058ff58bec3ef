/**
 * The audit log's head: the newest entry's `seq` and `hash`, kept in `settings` and moved in the
 * same transaction as every append. Appends extend the head (not whatever the table's last row is),
 * so rows cut off the end of the log leave a head that points past it, and the next append leaves
 * a gap: both are what `audit verify` reports.
 *
 * With an audit key (`AUTONOMY_GATE_AUDIT_KEY`, HMAC-SHA256) the head also carries a MAC over
 * `seq:hash`. Someone who can write the database but does not hold the key can re-hash the whole
 * chain with the public `auditHash`, but cannot sign the head that chain needs.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { AutonomyGateError } from "../errors.js";
import type { Executor } from "./executor.js";
import { dialectOf, lockTx, tablesOf } from "./tables.js";

export const AUDIT_HEAD_KEY = "audit_head";
/** Verdict rows with a rowid above this were written with an audit entry carrying their hash. */
export const ATTESTED_AFTER_KEY = "audit_rows_attested_after";

export interface AuditHead {
  seq: number;
  hash: string;
  /** HMAC-SHA256 of `seq:hash` under the audit key, when the store has one. */
  mac?: string;
}

/**
 * What a connection's write transactions share (bound to each by write-body.ts): the key the head is
 * signed with, and the head value this connection wrote last. An append whose head in the database
 * still reads exactly that value moves it with one conditional update instead of a read and a
 * write; any other value (another process appended, a rolled-back write, a rewrite) falls back to
 * reading and checking the head.
 */
export interface AuditSession {
  key: string | null;
  written: { head: AuditHead; value: string } | null;
}

const sessions = new WeakMap<object, AuditSession>();

export function newAuditSession(key: string | null): AuditSession {
  return { key, written: null };
}

export function bindAuditSession(tx: object, session: AuditSession): void {
  sessions.set(tx, session);
}

/** An append refused because the signed head does not match the key: the log was rewritten. */
export class AuditHeadError extends AutonomyGateError {
  override name = "AuditHeadError";
}

export function headMac(key: string, head: Pick<AuditHead, "seq" | "hash">): string {
  return createHmac("sha256", key).update(`${head.seq}:${head.hash}`).digest("hex");
}

export function macMatches(key: string, head: AuditHead): boolean {
  if (head.mac === undefined) return false;
  const expected = Buffer.from(headMac(key, head), "hex");
  const given = Buffer.from(head.mac, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function readAuditHead(db: Executor): Promise<AuditHead | null> {
  return parseHead(await headRow(db, false));
}

async function headRow(db: Executor, forUpdate: boolean): Promise<{ value: string } | undefined> {
  const { settings } = tablesOf(db);
  const query = db.select({ value: settings.value }).from(settings).where(eq(settings.key, AUDIT_HEAD_KEY));
  const [row] = await (forUpdate ? dialectOf(db).forUpdate(query) : query);
  return row;
}

function parseHead(row: { value: string } | undefined): AuditHead | null {
  if (row === undefined) return null;
  try {
    const head = JSON.parse(row.value) as AuditHead;
    return typeof head.seq === "number" && typeof head.hash === "string" ? head : null;
  } catch {
    return null;
  }
}

/**
 * The head an append in `tx` extends. With a key, a head signed under another key (or not matching
 * its MAC) is refused: the store will not sign over a log someone rewrote. An unsigned head (the key
 * was just set) is taken as found and signed by this append.
 */
export async function headForAppend(tx: Executor): Promise<AuditHead | null> {
  // Read locked: the head's row is the chain's lock on PostgreSQL. A log without a head yet (the
  // first append ever) has no row to lock, so the first appenders take turns on a named lock.
  let row = await headRow(tx, true);
  if (row === undefined) {
    await lockTx(tx, "audit-head");
    row = await headRow(tx, true);
  }
  const head = parseHead(row);
  const key = sessions.get(tx)?.key ?? undefined;
  if (head !== null && key !== undefined && head.mac !== undefined && !macMatches(key, head)) {
    throw new AuditHeadError(
      `The audit log's head (entry ${head.seq}) is not signed by this store's audit key: the log was rewritten, or the key changed. Run "autonomy-gate audit verify".`,
    );
  }
  return head;
}

function headValue(session: AuditSession | undefined, head: Pick<AuditHead, "seq" | "hash">): { head: AuditHead; value: string } {
  const signed: AuditHead = session?.key == null ? { seq: head.seq, hash: head.hash } : { seq: head.seq, hash: head.hash, mac: headMac(session.key, head) };
  return { head: signed, value: JSON.stringify(signed) };
}

export async function writeAuditHeadTx(tx: Executor, head: Pick<AuditHead, "seq" | "hash">): Promise<void> {
  const { settings } = tablesOf(tx);
  const session = sessions.get(tx);
  const next = headValue(session, head);
  await tx.insert(settings).values({ key: AUDIT_HEAD_KEY, value: next.value }).onConflictDoUpdate({ target: settings.key, set: { value: next.value } });
  if (session !== undefined) session.written = next;
}

/**
 * The head this connection wrote last, when the database still holds exactly it: the append after
 * it can skip reading (and re-checking) the head. Null otherwise.
 */
export function cachedHead(tx: Executor): AuditHead | null {
  return sessions.get(tx)?.written?.head ?? null;
}

/**
 * Moves the head from the value this connection wrote last to `head`, if the database still holds
 * that value; false (nothing changed) otherwise, and the caller reads the head instead.
 */
export async function moveCachedHeadTx(tx: Executor, head: Pick<AuditHead, "seq" | "hash">): Promise<boolean> {
  const { settings } = tablesOf(tx);
  const session = sessions.get(tx);
  const written = session?.written;
  if (session === undefined || written == null) return false;
  const next = headValue(session, head);
  const moved = await tx
    .update(settings)
    .set({ value: next.value })
    .where(and(eq(settings.key, AUDIT_HEAD_KEY), eq(settings.value, written.value)))
    .returning({ key: settings.key });
  if (moved.length === 0) {
    session.written = null;
    return false;
  }
  session.written = next;
  return true;
}

/** The rowid after which every verdict row must have an audit entry (0: all of them). */
export async function attestedAfter(db: Executor): Promise<number> {
  const { settings } = tablesOf(db);
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, ATTESTED_AFTER_KEY));
  return row === undefined ? 0 : Number(row.value);
}
