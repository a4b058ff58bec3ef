import { canonicalJson } from "../hash.js";
import type { CanonicalStep } from "../input/canonical.js";

export interface RepeatedStep {
  name: string;
  /** How many times the same step produced the same output (consecutively, or in total). */
  times: number;
}

/**
 * Deterministic loop detection on the step board: the same step (same name) producing the same
 * output `repeats` times — in a row when `consecutiveOnly`, anywhere on the board otherwise.
 * Different steps that happen to return equal values (two `true`s) are not a loop. Returns the
 * worst offender, or null.
 */
export function findRepeatedStep(steps: readonly CanonicalStep[], repeats: number, consecutiveOnly: boolean): RepeatedStep | null {
  let worst: RepeatedStep | null = null;
  const totals = new Map<string, number>();
  let previous: string | null = null;
  let run = 0;
  for (const step of steps) {
    const key = `${step.name}\u0000${canonicalJson(step.output)}`;
    run = key === previous ? run + 1 : 1;
    previous = key;
    const total = (totals.get(key) ?? 0) + 1;
    totals.set(key, total);
    const times = consecutiveOnly ? run : total;
    if (times >= repeats && (worst === null || times > worst.times)) worst = { name: step.name, times };
  }
  return worst;
}
