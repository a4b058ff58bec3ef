/**
 * Dialect-free waiting rules for every store call: one deadline per call, and lock contention
 * retried asynchronously (jittered exponential backoff) until that deadline, so a wait for
 * another process's lock never blocks the event loop and never outlives the call's budget.
 */

/** A point in time a store call must finish by. */
export interface Deadline {
  /** Epoch milliseconds. */
  readonly at: number;
  /** Milliseconds left (never negative). */
  remaining(): number;
  expired(): boolean;
}

export function deadlineIn(ms: number, clock: () => number = Date.now): Deadline {
  const at = clock() + ms;
  return { at, remaining: () => Math.max(0, at - clock()), expired: () => clock() >= at };
}

/** The error a call that ran out of time rejects with. */
export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * Settles with `work` or rejects with DeadlineExceeded when `deadline` passes first. The work is
 * not cancelled (a driver call cannot be), so it must itself refuse to commit once the deadline
 * has passed: see `Deadline.expired`. A late rejection of `work` is swallowed.
 */
export function raceDeadline<T>(work: Promise<T>, deadline: Deadline, budgetMs: number): Promise<T> {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineExceeded(budgetMs)), deadline.remaining());
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const BASE_DELAY_MS = 2;
const MAX_DELAY_MS = 16;

/**
 * Runs `operation`, re-running it after a jittered, growing pause while it fails with an error
 * `retryable` accepts and the deadline leaves room; then the last error passes through.
 */
export async function retryUntil<T>(
  operation: () => Promise<T>,
  options: { deadline: Deadline; retryable: (error: unknown) => boolean; random?: () => number },
): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!options.retryable(error)) throw error;
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      const pause = ceiling / 2 + random() * (ceiling / 2);
      if (options.deadline.remaining() <= pause) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
