/**
 * The statistics every figure is reported with: percentiles of a sample, the median over repeated
 * runs, and ratios taken within one run. Pure functions, unit-tested in test/bench-stats.test.ts.
 */

/**
 * The p-th percentile (p in [0, 100]) by linear interpolation between closest ranks (the method
 * of NumPy's default and of most benchmark tools), so p50 of an even-sized sample is the mean of
 * the two middle values and p99 of a small sample lies between its two largest values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentile of an empty sample");
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (rank - lower);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** `numerator / denominator`; NaN when the denominator is 0 (a ratio that cannot be stated). */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

/** p50 and p99 of one sample, plus its size. */
export interface LatencySummary {
  p50: number;
  p99: number;
  n: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  return { p50: percentile(values, 50), p99: percentile(values, 99), n: values.length };
}

/**
 * Reduces repeated runs to one figure per field: the median of each field across runs. Used so a
 * p99 (or a ratio) reported is the median of the per-run p99s (or ratios), not a pooled value.
 */
export function medianOfRuns<K extends string>(runs: ReadonlyArray<Record<K, number>>): Record<K, number> {
  const first = runs[0];
  if (first === undefined) throw new RangeError("median of zero runs");
  const keys = Object.keys(first) as K[];
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as Record<K, number>;
}

/** Items per second for `count` items done in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms <= 0 ? Number.NaN : (count * 1000) / ms;
}
