// A tiny check recorder for the end-to-end script: every check names its step, a step that throws
// counts as a failed check, and the summary line is always the last thing printed.
import { isDeepStrictEqual, inspect } from "node:util";

export interface Checks {
  /** Records one check of `step`; prints it; returns `ok` so callers can stop early. */
  that(step: string, ok: boolean, detail?: string): boolean;
  /** Records `actual` deep-equal to `expected`. */
  equal(step: string, actual: unknown, expected: unknown): boolean;
  /** Runs a step; an exception is a failed check naming the step. Resolves to the step's value or undefined. */
  step<T>(step: string, work: () => Promise<T>): Promise<T | undefined>;
  readonly passed: number;
  readonly failed: number;
  /** The failed checks, as `step: detail`. */
  readonly failures: string[];
}

const show = (value: unknown) => inspect(value, { depth: 4, breakLength: Infinity, compact: true });

export function createChecks(log: (line: string) => void): Checks {
  let passed = 0;
  const failures: string[] = [];
  const that = (step: string, ok: boolean, detail = "") => {
    if (ok) passed += 1;
    else failures.push(`${step}${detail ? `: ${detail}` : ""}`);
    log(`${ok ? "  ok  " : "  FAIL"} ${step}${!ok && detail ? ` — ${detail}` : ""}`);
    return ok;
  };
  return {
    that,
    equal: (step, actual, expected) =>
      that(step, isDeepStrictEqual(actual, expected), `expected ${show(expected)}, got ${show(actual)}`),
    async step(step, work) {
      try {
        return await work();
      } catch (error: unknown) {
        that(step, false, `threw ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    },
    get passed() {
      return passed;
    },
    get failed() {
      return failures.length;
    },
    get failures() {
      return [...failures];
    },
  };
}
