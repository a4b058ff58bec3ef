/**
 * Rejected passes as a rate among passes (DESIGN §5), never a lifetime veto: at most one rejected
 * pass per ⌈1/max⌉ decided passes, counted back from the latest one. A rejected pass blocks
 * promotion until that many clean passes have followed it (50 at the default 2%), then the
 * block lifts by itself — so every rejected pass blocks for a while and none blocks for ever.
 *
 * Why a recent window rather than an upper confidence bound on the epoch's rate: a good gate
 * whose true rejected-pass rate (1.25%) sits near the maximum (2%) keeps its cumulative bound
 * above the maximum for hundreds of passes in a sizeable share of runs; the window lets it
 * recover while still spacing rejected passes at least 1/max apart. The pass-precision test
 * weighs every pass error (edits and rejections) on top of this.
 */

export interface RejectedPassRule {
  rejectedPasses: number;
  passes: number;
  /** rejectedPasses / passes; null when nothing passed was decided. */
  rate: number | null;
  /** Decided passes since the latest rejected pass (all of them when there was none). */
  cleanPassesSince: number;
  /** Clean passes a rejected pass must be followed by: ⌈1/max⌉. */
  recovery: number;
  /** No rejected pass, or enough clean passes since the latest. */
  ok: boolean;
}

/**
 * @param passesAtLastReject decided passes counted right after the latest rejected pass.
 * @param max the highest rejected-pass rate tolerated (e.g. 0.02).
 */
export function rejectedPassRule(rejectedPasses: number, passes: number, passesAtLastReject: number, max: number): RejectedPassRule {
  if (!Number.isInteger(rejectedPasses) || !Number.isInteger(passes) || rejectedPasses < 0 || rejectedPasses > passes) {
    throw new RangeError(`rejectedPassRule: need integers 0 ≤ rejectedPasses ≤ passes, got ${rejectedPasses}/${passes}.`);
  }
  if (!(max > 0 && max < 1)) throw new RangeError(`rejectedPassRule: max must be in (0, 1), got ${max}.`);
  const recovery = Math.ceil(1 / max - 1e-9);
  const cleanPassesSince = rejectedPasses === 0 ? passes : Math.max(0, passes - passesAtLastReject);
  return {
    rejectedPasses,
    passes,
    rate: passes === 0 ? null : rejectedPasses / passes,
    cleanPassesSince,
    recovery,
    ok: rejectedPasses === 0 || cleanPassesSince >= recovery,
  };
}
