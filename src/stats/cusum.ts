/**
 * Page's CUSUM for a Bernoulli rate of bad events: S₀ = 0, Sₜ = max(0, Sₜ₋₁ + ln(b₁/b₀)) after a bad
 * event and max(0, Sₜ₋₁ + ln((1−b₁)/(1−b₀))) after a good one; it alarms when S reaches h. b₀ is
 * the in-control rate (a good gate), b₁ the rate it must catch. The threshold h is derived from a
 * target false-alarm probability: the smallest h for which a stream at exactly b₀ alarms within
 * `horizon` observations with probability ≤ `falseAlarm`, computed by an exact dynamic program over
 * the statistic (on a fine grid, rounded so the computed probability errs high).
 */

export interface CusumDesign {
  /** In-control rate of bad events. */
  inControl: number;
  /** Out-of-control rate it is tuned to catch (> inControl). */
  outOfControl: number;
  /** Alarm threshold on the statistic. */
  threshold: number;
}

function increments(inControl: number, outOfControl: number): { bad: number; good: number } {
  if (!(inControl > 0 && inControl < outOfControl && outOfControl < 1)) {
    throw new RangeError(`cusum: need 0 < inControl < outOfControl < 1, got ${inControl} and ${outOfControl}.`);
  }
  return { bad: Math.log(outOfControl / inControl), good: Math.log((1 - outOfControl) / (1 - inControl)) };
}

/** The statistic's largest value over a stream of observations (oldest first; true = bad event). */
export function cusumPeak(events: Iterable<boolean>, inControl: number, outOfControl: number): { peak: number; last: number } {
  const step = increments(inControl, outOfControl);
  let s = 0;
  let peak = 0;
  for (const bad of events) {
    s = Math.max(0, s + (bad ? step.bad : step.good));
    if (s > peak) peak = s;
  }
  return { peak, last: s };
}

// Grid cells per unit of the statistic; bad steps round up and good steps round down (towards
// zero), so the computed alarm probability is an upper bound of the exact one.
const GRID = 100;

function gridSteps(design: Pick<CusumDesign, "inControl" | "outOfControl">): { up: number; down: number } {
  const step = increments(design.inControl, design.outOfControl);
  return { up: Math.ceil(step.bad * GRID), down: Math.floor(-step.good * GRID) };
}

function alarmWithin(up: number, down: number, cells: number, rate: number, horizon: number): number {
  if (cells <= 0) return 1;
  let dist = new Float64Array(cells);
  let next = new Float64Array(cells);
  dist[0] = 1;
  let alarmed = 0;
  for (let t = 0; t < horizon; t += 1) {
    next.fill(0);
    for (let i = 0; i < cells; i += 1) {
      const mass = dist[i] as number;
      if (mass === 0) continue;
      const hi = i + up;
      if (hi >= cells) alarmed += mass * rate;
      else next[hi] = (next[hi] as number) + mass * rate;
      const lo = Math.max(0, i - down);
      next[lo] = (next[lo] as number) + mass * (1 - rate);
    }
    [dist, next] = [next, dist];
  }
  return Math.min(1, alarmed);
}

/** P(the CUSUM alarms within `horizon` observations) for a stream whose bad-event rate is `rate`. */
export function cusumAlarmProbability(design: CusumDesign, rate: number, horizon: number): number {
  const { up, down } = gridSteps(design);
  return alarmWithin(up, down, Math.ceil(design.threshold * GRID), rate, horizon);
}

const designs = new Map<string, CusumDesign>();

/**
 * The CUSUM tuned to alarm with probability ≤ `falseAlarm` within `horizon` observations of a
 * stream at exactly the in-control rate (any better stream alarms less). Memoized: policies ask
 * for the same few designs again and again.
 */
export function designCusum(inControl: number, outOfControl: number, falseAlarm: number, horizon: number): CusumDesign {
  const key = `${inControl}:${outOfControl}:${falseAlarm}:${horizon}`;
  const known = designs.get(key);
  if (known) return known;
  if (!(falseAlarm > 0 && falseAlarm < 1)) throw new RangeError(`designCusum: falseAlarm must be in (0, 1), got ${falseAlarm}.`);
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`designCusum: horizon must be an integer ≥ 1, got ${horizon}.`);
  const { up, down } = gridSteps({ inControl, outOfControl });
  const at = (cells: number) => alarmWithin(up, down, cells, inControl, horizon);
  let lo = 0;
  let hi = GRID;
  while (at(hi) > falseAlarm) hi *= 2;
  while (lo + 1 < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid) > falseAlarm) lo = mid;
    else hi = mid;
  }
  const design = { inControl, outOfControl, threshold: hi / GRID };
  designs.set(key, design);
  return design;
}
