import type { Verdict } from "../types.js";

/** Judge tokens of one UTC day. */
export interface TokenDay {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** Verdicts of that day with token figures. */
  verdicts: number;
  input: number;
  output: number;
}

/**
 * Judge tokens of a scope over its latest verdicts, as the levels recorded them (models that report
 * usage only). A verdict counts as measured when any of its levels carries token figures.
 */
export interface TokenFigures {
  /** Verdicts read (the latest of the scope). */
  window: number;
  /** Of those, verdicts with token figures. */
  measured: number;
  input: number;
  output: number;
  /** Mean tokens per measured verdict; null when none is measured. */
  perVerdict: { input: number; output: number } | null;
  /** Per UTC day, oldest first, measured verdicts only. */
  perDay: TokenDay[];
}

/** Sum the level token figures of `verdicts`: in total, per measured verdict and per UTC day. */
export function tokenFigures(verdicts: readonly Verdict[]): TokenFigures {
  const days = new Map<string, TokenDay>();
  let measured = 0;
  let input = 0;
  let output = 0;
  for (const verdict of verdicts) {
    const levels = verdict.levels.filter((l) => l.tokens !== undefined);
    if (levels.length === 0) continue;
    const inTokens = levels.reduce((sum, l) => sum + (l.tokens?.input ?? 0), 0);
    const outTokens = levels.reduce((sum, l) => sum + (l.tokens?.output ?? 0), 0);
    measured++;
    input += inTokens;
    output += outTokens;
    const day = verdict.createdAt.slice(0, 10);
    const entry = days.get(day) ?? { day, verdicts: 0, input: 0, output: 0 };
    entry.verdicts++;
    entry.input += inTokens;
    entry.output += outTokens;
    days.set(day, entry);
  }
  return {
    window: verdicts.length,
    measured,
    input,
    output,
    perVerdict: measured === 0 ? null : { input: input / measured, output: output / measured },
    perDay: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}
