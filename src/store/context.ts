/**
 * What the store's query modules receive from a backend (./sqlite/, ./pg/): a clock and two ways
 * in, `read` and `write`, each under the call's deadline. The backends differ in how they connect,
 * lock and retry; what every write transaction does around the queries' work is ./write-body.ts.
 */
import { AutonomyGateError, StoreUnavailableError } from "../errors.js";
import { describeDbError } from "./describe-error.js";
import type { Executor } from "./executor.js";

export type { Executor };

export interface StoreContext {
  now(): Date;
  /** Runs reads (autocommit statements). */
  read<T>(fn: (db: Executor) => Promise<T>): Promise<T>;
  /** Runs `fn` in one write transaction; `fn` may be re-run on lock contention, so it must only touch the database. */
  write<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
}

export interface Connection extends StoreContext {
  migrate(): Promise<void>;
  close(): void;
}

/** What every backend's connection is opened with, besides where the database is. */
export interface ConnectionSettings {
  autoMigrate: boolean;
  now: () => Date;
  /** The deadline of each call, in milliseconds. */
  timeoutMs: number;
  /** The key the audit head is signed with (see audit-head.ts); null for none. */
  auditKey: string | null;
}

/** Thrown inside a transaction whose call already timed out: rolls it back. */
export class LateCommit extends AutonomyGateError {
  override name = "LateCommit";
}

/** Connection-level failures (refused, unresolvable, unreadable file) become StoreUnavailableError. */
export function wrapConnectionError(error: unknown, url: string): unknown {
  if (error instanceof AutonomyGateError) return error;
  const described = describeDbError(error);
  return described.connection ? new StoreUnavailableError(url, described.text, { cause: error }) : error;
}
