/**
 * Retry on SQLite lock contention. WAL plus a busy timeout makes most waits happen inside SQLite,
 * but a few lock errors bypass the busy handler (a stale read snapshot upgrading to a write, a
 * schema change racing a migration), so write transactions are retried here with jittered
 * exponential backoff and no `SQLITE_BUSY` ever reaches the caller.
 */

/** Upper bound on attempts; with the busy timeout in front, reaching it means a stuck lock. */
const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 500;

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

/** Runs `operation`, re-running it while it fails with a lock error. Other errors pass through. */
export async function withBusyRetry<T>(operation: () => Promise<T>, random: () => number = Math.random): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isBusyError(error) || attempt >= MAX_ATTEMPTS) throw error;
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + random() * (ceiling / 2)));
    }
  }
}
