/**
 * Hashes of the rows the flip rests on, carried by their audit entries so that `audit verify` can
 * tell an edited or deleted row from the one the store wrote. A verdict row's hash covers every
 * column fixed at insert; its decision columns (which a later decision may change) hash apart.
 */
import { hashValue } from "../hash.js";
import type { VerdictRow } from "./tables.js";

const DECISION_COLUMNS = ["decisionType", "decision", "decidedAt", "decisionPolicyVersion"] as const;

/** The hash of a verdict row's insert-time columns, as read back from the database. */
export function verdictRowHash(row: VerdictRow): string {
  const fixed: Record<string, unknown> = { ...row };
  for (const column of DECISION_COLUMNS) delete fixed[column];
  // PostgreSQL's rows carry their insertion order as a column (SQLite's is the hidden rowid).
  delete fixed.rowid;
  return hashValue(fixed);
}

/** The hash of a verdict row's decision columns; null when it is undecided. */
export function decisionRowHash(row: Pick<VerdictRow, (typeof DECISION_COLUMNS)[number]>): string | null {
  if (row.decisionType === null) return null;
  return hashValue(DECISION_COLUMNS.map((column) => row[column] ?? null));
}
