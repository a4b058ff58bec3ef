/**
 * What the dialect-free queries of the store reach through the database handle they are given:
 * the backend's tables and its few dialect-specific statements. Each backend binds its database
 * and every transaction it opens (./write-body.ts); the queries ask `dialectOf(db)`.
 *
 * The queries are written once, against the SQLite builder's types (`./executor.ts`); the
 * PostgreSQL backend hands them its own tables and database, whose builder has the same calls and
 * whose rows have the same shape (pg/schema.ts checks that at compile time).
 */
import type { SQL, SQLWrapper } from "drizzle-orm";
import type * as reference from "./sqlite/schema.js";

/** The store's tables, by the names the queries use. */
export interface Tables {
  verdicts: typeof reference.verdicts;
  agreementCounters: typeof reference.agreementCounters;
  scopes: typeof reference.scopes;
  settings: typeof reference.settings;
  auditLog: typeof reference.auditLog;
  competence: typeof reference.competence;
  competenceEvents: typeof reference.competenceEvents;
  scopeCeilings: typeof reference.scopeCeilings;
  escalations: typeof reference.escalations;
  postHocReviews: typeof reference.postHocReviews;
}

export type VerdictRow = Tables["verdicts"]["$inferSelect"];
export type ScopeRow = Tables["scopes"]["$inferSelect"];
export type AuditRow = Tables["auditLog"]["$inferSelect"];
export type CompetenceEventRow = Tables["competenceEvents"]["$inferSelect"];
export type EscalationRow = Tables["escalations"]["$inferSelect"];
export type PostHocReviewRow = Tables["postHocReviews"]["$inferSelect"];

/**
 * A shared lock is held by any number of transactions at once, an exclusive one by one; both last
 * until the transaction ends.
 */
export type LockMode = "shared" | "exclusive";

export interface DialectOps {
  readonly name: "sqlite" | "postgres";
  readonly tables: Tables;
  /**
   * Takes a named lock for the rest of the transaction. SQLite needs none (a write transaction
   * holds the whole database); PostgreSQL takes a transaction-scoped advisory lock. Callers take
   * locks in one order (verdict row, competence, scope, kill switch, record, audit head), so two
   * transactions never wait on each other in a circle.
   */
  lock(tx: object, key: string, mode: LockMode): Promise<void>;
  /**
   * The same select, locking the rows it reads for the rest of the transaction (PostgreSQL's
   * `FOR UPDATE`); unchanged on SQLite.
   */
  forUpdate<Q>(query: Q): Q;
  /** `table, <each element of the JSON array column> as j(value)` for a FROM clause. */
  eachJsonElement(table: SQLWrapper, column: SQLWrapper): SQL;
}

const bound = new WeakMap<object, DialectOps>();

export function bindDialect(db: object, ops: DialectOps): void {
  bound.set(db, ops);
}

export function dialectOf(db: object): DialectOps {
  const ops = bound.get(db);
  if (ops === undefined) throw new Error("autonomy-gate: a database handle was used that no store backend bound");
  return ops;
}

export function tablesOf(db: object): Tables {
  return dialectOf(db).tables;
}

/** Takes `key`'s lock in `tx` (a no-op on SQLite, see DialectOps.lock). */
export function lockTx(tx: object, key: string, mode: LockMode = "exclusive"): Promise<void> {
  return dialectOf(tx).lock(tx, key, mode);
}
