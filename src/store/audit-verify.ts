/**
 * `audit verify`: everything the flip rests on, checked against the hash-chained log.
 *
 * 1. The chain: every entry's hash and link, in `seq` order, with no gap.
 * 2. The head: the log ends where the head says (rows cut off the end are seen); with an audit
 *    key, the head's MAC holds (a full re-hash without the key is seen).
 * 3. The rows: every verdict row matches the hash its audit entry carries, its decision columns
 *    match the latest decision entry's, and no audited verdict is missing.
 * 4. The counters: equal to a recount of the decision rows.
 */
import { asc, gt, sql } from "drizzle-orm";
import { auditHash, GENESIS_HASH } from "./audit-hash.js";
import { attestedAfter, macMatches, readAuditHead } from "./audit-head.js";
import type { StoreContext } from "./context.js";
import { counterMismatches } from "./counters.js";
import { decisionRowHash, verdictRowHash } from "./row-hash.js";
import { tablesOf } from "./tables.js";
import type { AuditVerification, RowMismatch } from "./types.js";

const PAGE = 500;

/** What the log says each audited verdict row should hash to. */
interface Attestation {
  verdictHash?: string;
  verdictSeq?: number;
  decisionHash?: string;
  decisionSeq?: number;
}

export async function verifyAudit(ctx: StoreContext, auditKey: string | null): Promise<AuditVerification> {
  const attested = new Map<string, Attestation>();
  const chain = await verifyChain(ctx, attested);
  const result: AuditVerification = { ok: chain.firstBad === undefined, checked: chain.checked, headSigned: false };
  if (chain.firstBad !== undefined) result.firstBad = chain.firstBad;
  else {
    const head = await verifyHead(ctx, chain.last, auditKey);
    result.headSigned = head.signed;
    if (head.problem !== null) Object.assign(result, { ok: false, head: head.problem });
  }
  const rows = await verifyRows(ctx, attested);
  if (rows.unattested > 0) result.unattested = rows.unattested;
  if (rows.mismatches.length > 0) Object.assign(result, { ok: false, rowMismatches: rows.mismatches });
  const counters = await counterMismatches(ctx);
  if (counters.length > 0) Object.assign(result, { ok: false, counterMismatches: counters });
  return result;
}

async function verifyChain(
  ctx: StoreContext,
  attested: Map<string, Attestation>,
): Promise<{ checked: number; last: { seq: number; hash: string } | null; firstBad?: { seq: number; problem: string } }> {
  let checked = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const after = expectedSeq - 1;
    const rows = await ctx.read((db) => {
      const { auditLog } = tablesOf(db);
      return db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(PAGE);
    });
    for (const row of rows) {
      const problem =
        row.seq !== expectedSeq
          ? `gap: entry ${expectedSeq} is missing`
          : row.prevHash !== prevHash
            ? "broken link"
            : auditHash(row.prevHash, row) !== row.hash
              ? "hash mismatch"
              : null;
      if (problem !== null) return { checked, last: null, firstBad: { seq: row.seq, problem } };
      attest(attested, row.seq, row.kind, row.payload);
      checked++;
      expectedSeq++;
      prevHash = row.hash;
    }
    if (rows.length < PAGE) return { checked, last: checked === 0 ? null : { seq: checked, hash: prevHash } };
  }
}

/** Entries that carry a row hash: a stored verdict (`verdict`, `auto_approve`) and a decision. */
function attest(attested: Map<string, Attestation>, seq: number, kind: string, payload: Record<string, unknown>): void {
  const { verdictId, rowHash } = payload;
  if (typeof verdictId !== "string" || typeof rowHash !== "string") return;
  const entry = attested.get(verdictId) ?? {};
  if (kind === "decision") Object.assign(entry, { decisionHash: rowHash, decisionSeq: seq });
  else if (kind === "verdict" || kind === "auto_approve") Object.assign(entry, { verdictHash: rowHash, verdictSeq: seq });
  else return;
  attested.set(verdictId, entry);
}

async function verifyHead(
  ctx: StoreContext,
  last: { seq: number; hash: string } | null,
  auditKey: string | null,
): Promise<{ problem: string | null; signed: boolean }> {
  const head = await ctx.read(readAuditHead);
  if (head === null) return { problem: last === null ? null : `the head is missing (the log has ${last.seq} entries)`, signed: false };
  const lastSeq = last?.seq ?? 0;
  if (head.seq > lastSeq) return { problem: `truncated: the head records entry ${head.seq}, the log ends at ${lastSeq}`, signed: false };
  if (head.seq < lastSeq) return { problem: `entries ${head.seq + 1}–${lastSeq} were added past the head`, signed: false };
  if (last !== null && head.hash !== last.hash) return { problem: `the head's hash does not match entry ${head.seq} (the chain was re-hashed)`, signed: false };
  if (auditKey === null) return { problem: null, signed: false };
  if (head.mac === undefined) return { problem: "the head is not signed with the audit key", signed: false };
  if (!macMatches(auditKey, head)) return { problem: "the head's signature does not match the audit key (the chain was re-hashed without it, or the key changed)", signed: false };
  return { problem: null, signed: true };
}

async function verifyRows(ctx: StoreContext, attested: Map<string, Attestation>): Promise<{ mismatches: RowMismatch[]; unattested: number }> {
  const mismatches: RowMismatch[] = [];
  const since = await ctx.read(attestedAfter);
  const seen = new Set<string>();
  let unattested = 0;
  let after = 0;
  for (;;) {
    const cursor = after;
    const page = await ctx.read((db) => {
      const { verdicts } = tablesOf(db);
      return db
        .select({ rowid: sql<number>`${verdicts}.rowid`, row: verdicts })
        .from(verdicts)
        .where(sql`${verdicts}.rowid > ${cursor}`)
        .orderBy(sql`${verdicts}.rowid`)
        .limit(PAGE);
    });
    for (const { rowid, row } of page) {
      after = rowid;
      seen.add(row.id);
      const entry = attested.get(row.id);
      if (entry?.verdictHash === undefined) {
        if (rowid > since) mismatches.push({ verdictId: row.id, problem: "has no audit entry (written outside the store)" });
        else unattested++;
      } else if (entry.verdictHash !== verdictRowHash(row)) {
        mismatches.push({ verdictId: row.id, seq: entry.verdictSeq, problem: "differs from its audit entry (the row was edited)" });
      }
      const decision = decisionRowHash(row);
      const expected = entry?.decisionHash;
      if (expected !== undefined ? decision !== expected : decision !== null && entry?.verdictHash !== undefined) {
        mismatches.push({
          verdictId: row.id,
          ...(entry?.decisionSeq === undefined ? {} : { seq: entry.decisionSeq }),
          problem: "its decision differs from the decision audit entry (the decision was edited)",
        });
      }
    }
    if (page.length < PAGE) break;
  }
  for (const [verdictId, entry] of attested) {
    if (!seen.has(verdictId) && entry.verdictHash !== undefined) {
      mismatches.push({ verdictId, seq: entry.verdictSeq, problem: "was deleted (its audit entry remains)" });
    }
  }
  return { mismatches, unattested };
}
