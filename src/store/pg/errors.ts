/**
 * PostgreSQL's answers that mean "try the transaction again": a serialization failure and a
 * deadlock. Both roll the transaction back whole, so re-running it is safe; the store retries
 * them with a jittered pause until the call's deadline and never surfaces them before it.
 */
const RETRYABLE = new Set(["40001", "40P01"]);

/** True when `error` (or anything in its `cause` chain, e.g. drizzle's "Failed query") is retryable. */
export function isRetryablePgError(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (typeof current !== "object") return false;
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && RETRYABLE.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
