import { LEVELS, type Level, type Route, type Violation } from "../src/types.js";
import type { GoldenExpected } from "./golden-schema.js";

/** What a run of the gate produced, reduced to what goldens can assert. */
export interface GoldenObservation {
  passed: boolean;
  composite: number | null;
  /** Score per level that ran (`null` = unscored); a level that did not run is absent. */
  scores: Partial<Record<Level, number | null>>;
  violations: Violation[];
  /** The route `decideRoute` gives under the golden's mode and context (only when one is expected). */
  route?: Route;
  /** Judge calls per level (scripted per-level runs only; a live run does not count them). */
  judgeCalls?: Record<Level, number>;
  /** Calls of the one combined judge (scripted combined-mode runs only). */
  combinedCalls?: number;
}

/** One expected field the run did not meet, named by its path in `expected`. */
export interface GoldenDifference {
  field: string;
  expected: string;
  got: string;
}

/** Compares expected against got field by field; an empty list means the golden holds. */
export function compareGolden(expected: GoldenExpected, got: GoldenObservation): GoldenDifference[] {
  const out: GoldenDifference[] = [];
  const diff = (field: string, want: unknown, have: unknown) => out.push({ field, expected: show(want), got: show(have) });

  if (expected.passed !== got.passed) diff("passed", expected.passed, got.passed);

  const codes = new Set(got.violations.map((v) => v.code));
  const missing = (expected.violations?.include ?? []).filter((c) => !codes.has(c));
  if (missing.length > 0) diff("violations.include", missing, [...codes]);
  const present = (expected.violations?.exclude ?? []).filter((c) => codes.has(c));
  if (present.length > 0) diff("violations.exclude", `none of ${show(present)}`, [...codes]);

  for (const level of LEVELS) {
    const bounds = expected.levels?.[level];
    if (!bounds) continue;
    const score = got.scores[level];
    const field = `levels.${level}`;
    if (score === undefined) {
      diff(field, "level to run", "level did not run");
      continue;
    }
    if (bounds.unscored !== undefined && bounds.unscored !== (score === null)) diff(`${field}.unscored`, bounds.unscored, score === null);
    if (bounds.min !== undefined && (score === null || score < bounds.min)) diff(`${field}.min`, `>= ${bounds.min}`, score);
    if (bounds.max !== undefined && (score === null || score > bounds.max)) diff(`${field}.max`, `<= ${bounds.max}`, score);
  }

  if (expected.route && got.route !== expected.route.is) diff("route", `${expected.route.is} (${expected.route.mode} mode)`, got.route);

  const calls = expected.judgeCalls;
  if (calls && got.judgeCalls) {
    const counts = got.judgeCalls;
    for (const level of LEVELS) {
      const want = calls[level];
      if (want !== undefined && counts[level] !== want) diff(`judgeCalls.${level}`, want, counts[level]);
    }
    const total = LEVELS.reduce((sum, level) => sum + counts[level], 0);
    if (calls.total !== undefined && total !== calls.total) diff("judgeCalls.total", calls.total, total);
  }
  if (calls && got.combinedCalls !== undefined) {
    // Combined mode: one call where per-level mode makes any (two with the retry), none where it
    // makes none. Levels the golden leaves out are unknown, so only a stated total or all three fix "none".
    const stated = LEVELS.map((level) => calls[level]);
    const total = calls.total ?? (stated.every((n) => n !== undefined) ? stated.reduce<number>((sum, n) => sum + (n ?? 0), 0) : undefined);
    const some = total !== undefined ? total > 0 : stated.some((n) => (n ?? 0) > 0);
    const min = some ? 1 : 0;
    const max = total === 0 ? 0 : 2;
    if (got.combinedCalls < min || got.combinedCalls > max) diff("judgeCalls.combined", min === max ? min : `${min} to ${max}`, got.combinedCalls);
  }
  return out;
}

function show(value: unknown): string {
  if (value === null) return "unscored";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}
