import type { EscalationTrend, EscalationWindow } from "./types.js";

/** One trigger's escalation rate over the last 7 and 30 days and all time (null over an empty window). */
export interface TriggerTrendRow {
  trigger: string;
  last7d: number | null;
  last30d: number | null;
  all: number | null;
}

const rate = (w: EscalationWindow, code: string) => (w.verdicts === 0 ? null : (w.byTrigger[code] ?? 0) / w.verdicts);

/** Each trigger that ever fired, by code: the share of the window's verdicts it fired on (seed 004). */
export function triggerTrendRows(trend: EscalationTrend): TriggerTrendRow[] {
  return Object.keys(trend.all.byTrigger)
    .sort()
    .map((trigger) => ({ trigger, last7d: rate(trend.last7d, trigger), last30d: rate(trend.last30d, trigger), all: rate(trend.all, trigger) }));
}
