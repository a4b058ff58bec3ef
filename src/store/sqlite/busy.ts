/**
 * SQLite lock contention. The store's connections wait only briefly inside SQLite (a short busy
 * timeout, so a waiting write never freezes the event loop); beyond that, and for the lock errors
 * that bypass the busy handler (a stale read snapshot upgrading to a write, a schema change racing
 * a migration), the operation is retried asynchronously until the call's deadline (./deadline.ts),
 * and no `SQLITE_BUSY` ever reaches the caller before then.
 */
import { deadlineIn, retryUntil, type Deadline } from "../deadline.js";

/** Lock waits without a caller's deadline (opening a file, migrating from the CLI) get this long. */
const DEFAULT_LOCK_WAIT_MS = 10_000;

/** True when `error` (or anything in its `cause` chain, e.g. a DrizzleQueryError) is a lock error. */
export function isBusyError(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (typeof current !== "object") return false;
    const { code, extendedCode, message } = current as { code?: unknown; extendedCode?: unknown; message?: unknown };
    for (const value of [code, extendedCode]) {
      if (typeof value === "string" && (value.startsWith("SQLITE_BUSY") || value.startsWith("SQLITE_LOCKED"))) return true;
    }
    if (typeof message === "string" && /SQLITE_BUSY|database is locked/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Runs `operation`, re-running it while it fails with a lock error and the deadline allows. Other errors pass through. */
export function withBusyRetry<T>(operation: () => Promise<T>, options: { deadline?: Deadline; random?: () => number } = {}): Promise<T> {
  return retryUntil(operation, {
    deadline: options.deadline ?? deadlineIn(DEFAULT_LOCK_WAIT_MS),
    retryable: isBusyError,
    ...(options.random === undefined ? {} : { random: options.random }),
  });
}
