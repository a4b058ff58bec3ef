/**
 * P(X ≥ k) for X ~ Binomial(n, p): the chance that n decisions from a gate whose true agreement
 * is p show at least k agreements. Used to size the flip rule (RESEARCH.md: P(≥ 40/50 | 0.75) ≈
 * 0.262). Summed in log space so large n does not underflow.
 * @throws RangeError on a non-integer or negative n, a non-integer k, or p outside [0, 1].
 */
export function binomialTail(n: number, k: number, p: number): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || !(p >= 0 && p <= 1)) {
    throw new RangeError(`binomialTail: need integer n ≥ 0, integer k and p in [0, 1], got n=${n}, k=${k}, p=${p}.`);
  }
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logChoose = 0; // log C(n, i), built up from i = 0
  let sum = 0;
  for (let i = 0; i <= n; i += 1) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) sum += Math.exp(logChoose + i * logP + (n - i) * logQ);
  }
  return Math.min(1, sum);
}
