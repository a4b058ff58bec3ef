/**
 * The sequential promotion test (DESIGN §5, `sequential` preset): Wald's SPRT of a Bernoulli rate,
 * H₀: p = p₀ (not good enough) against H₁: p = p₁ (good), read from counters.
 *
 * The log-likelihood ratio of s successes and f failures is s·ln(p₁/p₀) + f·ln((1−p₁)/(1−p₀)). Its
 * exponential is a non-negative martingale under H₀ (a supermartingale under any p ≤ p₀), so by
 * Ville's inequality P(it ever reaches 1/α) ≤ α: the guarantee holds however often — after every
 * decision, at random times, forever — the operator looks. Because the ratio depends on the counts
 * only, the test needs no state beyond the agreement counters and is O(1) per check.
 */

/** Log-likelihood ratio of H₁ (rate `good`) against H₀ (rate `bad`) after `successes` and `failures`. */
export function sprtLogRatio(successes: number, failures: number, bad: number, good: number): number {
  if (!(bad > 0 && bad < good && good < 1)) {
    throw new RangeError(`sprtLogRatio: need 0 < bad < good < 1, got bad=${bad}, good=${good}.`);
  }
  return successes * Math.log(good / bad) + failures * Math.log((1 - good) / (1 - bad));
}

/**
 * The error level of the k-th body of evidence of a scope (k = 0 for the first, +1 for each restart
 * of the evidence count, e.g. after a breaker trip): α·6/(π²(k+1)²). The levels sum to α over all
 * restarts, so the chance that a scope whose gate is not good enough ever flips — on any of its
 * epochs — stays ≤ α.
 */
export function alphaForRestart(alpha: number, restart: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alphaForRestart: alpha must be in (0, 1), got ${alpha}.`);
  if (!Number.isInteger(restart) || restart < 0) {
    throw new RangeError(`alphaForRestart: restart must be an integer ≥ 0, got ${restart}.`);
  }
  return (alpha * 6) / (Math.PI * Math.PI * (restart + 1) * (restart + 1));
}

export interface SequentialTest {
  /** The log-likelihood ratio now. */
  logRatio: number;
  /** The bar it must reach: ln(1/α). */
  threshold: number;
  /** logRatio ≥ threshold. */
  accepted: boolean;
}

/** Whether the evidence rejects H₀ at level `alpha` now. */
export function sequentialTest(successes: number, failures: number, bad: number, good: number, alpha: number): SequentialTest {
  const logRatio = sprtLogRatio(successes, failures, bad, good);
  const threshold = Math.log(1 / alpha);
  return { logRatio, threshold, accepted: logRatio >= threshold };
}

/**
 * Smallest number of consecutive successes that reaches the bar from zero: a floor on how fast any
 * scope can flip under this test (e.g. 30 at 0.80 against 0.95, α = 0.006).
 */
export function minimumSuccesses(bad: number, good: number, alpha: number): number {
  return Math.ceil(Math.log(1 / alpha) / Math.log(good / bad));
}
