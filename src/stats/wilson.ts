/** The normal quantile of a two-sided 95% interval, as in RESEARCH.md. */
export const WILSON_Z = 1.96;

export interface WilsonInterval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval of a proportion `successes / n` at z = 1.96 (95%):
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Unlike p̂ ± z·SE it stays inside [0, 1]
 * and is honest at small n and at p̂ near 1 — exactly where a flip decision sits.
 * Returns null when n = 0: no evidence, no interval.
 * @throws RangeError when the counts are not integers with 0 ≤ successes ≤ n.
 */
export function wilsonInterval(successes: number, n: number): WilsonInterval | null {
  if (!Number.isInteger(n) || !Number.isInteger(successes) || n < 0 || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need integers 0 ≤ successes ≤ n, got ${successes}/${n}.`);
  }
  if (n === 0) return null;
  const z2 = WILSON_Z * WILSON_Z;
  const p = successes / n;
  const center = p + z2 / (2 * n);
  const margin = WILSON_Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  // Clamp only float dust at the ends (e.g. 0.9999999999999999 for the upper bound of n/n).
  return {
    lower: Math.max(0, (center - margin) / scale),
    upper: Math.min(1, (center + margin) / scale),
  };
}

/** The lower end of {@link wilsonInterval}; null when n = 0. */
export function wilsonLower(successes: number, n: number): number | null {
  return wilsonInterval(successes, n)?.lower ?? null;
}
