/**
 * Writing a decision onto a verdict row, inside the caller's transaction: the counter move, the
 * row update and its audit entry; and the swing-back window query. Used by recordDecision and
 * decide-tx.ts (the decision and its effects) and by saveVerdict (a verdict stored with its decision).
 */
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { NotFoundError, OperationRefusedError } from "../errors.js";
import type { Decision, DecisionType } from "../types.js";
import { appendAuditTx, DEFAULT_ACTOR } from "./audit.js";
import type { Executor } from "./executor.js";
import { bumpCounterTx, counterCell } from "./counters.js";
import { faultPoint } from "./fault-points.js";
import { decisionRowHash } from "./row-hash.js";
import { normalizeDecision, rowToVerdict } from "./rows.js";
import { tablesOf, type VerdictRow } from "./tables.js";
import type { DecisionResult } from "./types.js";

/** Decisions after which the host's action ran (the approved or the edited draft went out). */
const ACTED: DecisionType[] = ["approve", "edit"];

/**
 * A different decision on a verdict whose action already ran: a forked thread resumed with another
 * answer. The first decision stands (it is what happened); the fork is a new task, with a new draft.
 */
function actionAlreadyRan(verdictId: string, previous: Decision, type: DecisionType): OperationRefusedError {
  const by = previous.by === undefined ? "" : ` by ${previous.by}`;
  return new OperationRefusedError(`Recording "${type}" on verdict ${verdictId}`, [
    `it was already decided "${previous.type}"${by} at ${previous.at}, so its action ran; a decision on a forked thread cannot overwrite it (gate a new draft instead)`,
  ]);
}

/** The decision types that count as decided (`skip` does not). */
const DECIDED: DecisionType[] = ["approve", "edit", "reject"];

/**
 * Writes `decision` onto a stored verdict row: updates the row, moves the counter cell (old −1,
 * new +1; skip has none) and audits `decision`. The same decision type again changes nothing.
 */
export async function applyDecisionTx(tx: Executor, row: VerdictRow, decision: Decision, now: Date): Promise<DecisionResult> {
  const { verdicts, scopes } = tablesOf(tx);
  const previous = row.decision;
  if (previous !== null && previous.type === decision.type) return { verdict: rowToVerdict(row), changed: false };
  if (previous !== null && ACTED.includes(previous.type)) throw actionAlreadyRan(row.id, previous, decision.type);
  const stored = normalizeDecision(decision);
  // Stamped with the policy in force now (read by the update itself; a scope without a row is at
  // version 0); an earlier decision keeps the version it was recorded under.
  const policyVersion = sql<number>`coalesce((select ${scopes.policyVersion} from ${scopes} where ${scopes.scope} = ${row.scope}), 0)`;
  const [written] = await tx
    .update(verdicts)
    .set({ decisionType: stored.type, decision: stored, decidedAt: stored.at, decisionPolicyVersion: policyVersion })
    .where(eq(verdicts.id, row.id))
    .returning({ decisionPolicyVersion: verdicts.decisionPolicyVersion });
  if (written === undefined) throw new NotFoundError("verdict", row.id);
  const update = { decisionType: stored.type, decision: stored, decidedAt: stored.at, decisionPolicyVersion: written.decisionPolicyVersion };
  faultPoint("decision_row_written");
  // The counter row is shared by every decision on the same evidence: moved after the verdict's own
  // row, so concurrent writers (PostgreSQL) hold its row lock only from here to the commit.
  const key = { scope: row.scope, provenanceKey: row.provenanceKey, epoch: row.epoch };
  const oldCell = previous === null ? null : counterCell(row.passed, previous.type);
  const newCell = counterCell(row.passed, decision.type);
  if (oldCell !== null) await bumpCounterTx(tx, key, oldCell, -1);
  if (newCell !== null) await bumpCounterTx(tx, key, newCell, 1);
  faultPoint("counter_moved");
  await appendAuditTx(tx, now, {
    kind: "decision",
    scope: row.scope,
    actor: stored.by ?? DEFAULT_ACTOR,
    // Ids and types only: never draft text, nor the reviewer's free-text note.
    payload: { verdictId: row.id, type: stored.type, by: stored.by ?? null, previous: previous?.type ?? null, rowHash: decisionRowHash(update) },
  });
  faultPoint("decision_audit_queued");
  return { verdict: rowToVerdict({ ...row, ...update }), changed: true };
}

/** The window query itself (exported so a test can check its plan stays index-backed). */
export function recentAutoQuery(db: Executor, scope: string, epoch: number, limit: number) {
  const { verdicts } = tablesOf(db);
  return db
    .select({ passed: verdicts.passed, decision: verdicts.decisionType })
    .from(verdicts)
    .where(
      and(
        eq(verdicts.scope, scope),
        eq(verdicts.mode, "auto"),
        eq(verdicts.epoch, epoch),
        isNotNull(verdicts.decidedAt),
        inArray(verdicts.decisionType, DECIDED),
      ),
    )
    .orderBy(desc(verdicts.decidedAt), desc(sql`rowid`))
    .limit(limit);
}
