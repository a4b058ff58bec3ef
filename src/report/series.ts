/**
 * The report's data, read from the store: per scope, agreement over time with its Wilson band,
 * decisions and autonomy rate per day, the competence curve and the operator events.
 */
import { resolveCompetence, type CompetenceOptions } from "../competence/options.js";
import { computeStatus, type ScopeStatus } from "../decisions/status.js";
import { agrees } from "../stats/agreement.js";
import { wilsonInterval } from "../stats/wilson.js";
import type { DailyActivity, DecidedRecord } from "../store/ledger-types.js";
import type { AuditEntry, FlipPolicy, GateStore } from "../store/types.js";
import type { DecisionType } from "../types.js";
import { dayStart } from "./svg-frame.js";
import type { Point } from "./svg-line-chart.js";

/** Audit kinds marked on the charts. */
export const EVENT_KINDS = ["mode_change", "breaker_trip", "provenance_change", "ceiling_change"] as const;

/** Most points a line is drawn with; longer histories are thinned evenly (the last point kept). */
export const MAX_POINTS = 240;
/** Most days the per-day charts show (the latest). */
export const MAX_DAYS = 180;

export interface AgreementPoint {
  x: number;
  agreement: number;
  lower: number;
  upper: number;
  n: number;
}

export interface ReportEvent {
  x: number;
  kind: string;
  label: string;
}

export interface ScopeSeries {
  status: ScopeStatus;
  /** The agreement the flip needs under the scope's policy. */
  threshold: number;
  /** Cumulative agreement per body of evidence (it restarts when the provenance key or epoch changes). */
  agreement: AgreementPoint[];
  days: string[];
  decisions: Record<DecisionType, number[]>;
  /** Share of each day's verdicts routed auto. */
  autonomy: Point[];
  /** Belief strength after each ledger update (preceded by the value before the first). */
  competence: Point[];
  bands: { proposalAt: number; autonomousAt: number };
  events: ReportEvent[];
}

export interface ReportData {
  generatedAt: string;
  killSwitch: boolean;
  scopes: ScopeSeries[];
}

/** Options of {@link buildReportData}. */
export interface ReportDataOptions {
  /** Only this scope. @default every scope */
  scope?: string;
  /** The gate's flip policy when a scope has no override. @default DEFAULT_FLIP_POLICY */
  gatePolicy?: FlipPolicy;
  /** The competence ledger's options (bands). @default {} */
  competence?: CompetenceOptions;
  /** Clock for `generatedAt`. @default () => new Date() */
  now?: () => Date;
}

export async function buildReportData(store: GateStore, options: ReportDataOptions = {}): Promise<ReportData> {
  const config = resolveCompetence(options.competence);
  const statuses = await computeStatus(store, {
    ...(options.scope ? { scope: options.scope } : {}),
    ...(options.gatePolicy ? { gatePolicy: options.gatePolicy } : {}),
    ...(options.competence ? { competence: options.competence } : {}),
  });
  const scopes = await Promise.all(
    statuses.map(async (status): Promise<ScopeSeries> => {
      const [timeline, daily, ledger, audit] = await Promise.all([
        store.decisionTimeline(status.scope),
        store.dailyActivity(status.scope),
        store.competenceHistory(status.scope),
        store.listAudit({ scope: status.scope, limit: 5000 }),
      ]);
      const days = fillDays(daily);
      const byDay = new Map(daily.map((d) => [d.day, d]));
      const decisions = Object.fromEntries(
        (["approve", "edit", "reject", "skip"] as const).map((t) => [t, days.map((day) => byDay.get(day)?.decisions[t] ?? 0)]),
      ) as Record<DecisionType, number[]>;
      const autonomy = days.flatMap((day) => {
        const routes = byDay.get(day)?.routes;
        const total = routes ? routes.auto + routes.human + routes.escalate : 0;
        return routes && total > 0 ? [{ x: dayStart(day) + 12 * 3600_000, y: routes.auto / total }] : [];
      });
      const first = ledger[0];
      const competence =
        first === undefined
          ? []
          : [{ x: Date.parse(first.at), y: first.before }, ...ledger.map((e) => ({ x: Date.parse(e.at), y: e.after }))];
      return {
        status,
        threshold: status.policy.minAgreement,
        agreement: thin(agreementSeries(timeline)),
        days,
        decisions,
        autonomy,
        competence: thin(competence),
        bands: { proposalAt: config.proposalAt, autonomousAt: config.autonomousAt },
        events: events(audit),
      };
    }),
  );
  return { generatedAt: (options.now ?? (() => new Date()))().toISOString(), killSwitch: await store.getKillSwitch(), scopes };
}

/** Cumulative agreement with its Wilson interval, restarting at every new body of evidence. */
export function agreementSeries(timeline: DecidedRecord[]): AgreementPoint[] {
  const out: AgreementPoint[] = [];
  let body = "";
  let n = 0;
  let agree = 0;
  for (const record of timeline) {
    const key = `${record.provenanceKey}#${record.epoch}`;
    if (key !== body) [body, n, agree] = [key, 0, 0];
    n += 1;
    if (agrees(record.passed, record.decision)) agree += 1;
    const interval = wilsonInterval(agree, n);
    if (interval) out.push({ x: Date.parse(record.decidedAt), agreement: agree / n, lower: interval.lower, upper: interval.upper, n });
  }
  return out;
}

/** At most MAX_POINTS evenly spaced items, always keeping the last. */
export function thin<T>(items: T[], max = MAX_POINTS): T[] {
  if (items.length <= max) return items;
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)] as T);
}

/** Every day from the first to the last active one (gaps filled), the latest MAX_DAYS. */
function fillDays(daily: DailyActivity[]): string[] {
  const first = daily[0];
  const last = daily[daily.length - 1];
  if (first === undefined || last === undefined) return [];
  const days: string[] = [];
  for (let t = Math.max(dayStart(first.day), dayStart(last.day) - (MAX_DAYS - 1) * 86_400_000); t <= dayStart(last.day); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function events(audit: AuditEntry[]): ReportEvent[] {
  return audit
    .filter((e) => (EVENT_KINDS as readonly string[]).includes(e.kind))
    .reverse()
    .map((e) => ({ x: Date.parse(e.at), kind: e.kind, label: eventLabel(e) }));
}

function eventLabel(entry: AuditEntry): string {
  const p = entry.payload;
  switch (entry.kind) {
    case "mode_change":
      return `→ ${String(p.to)}${p.forced === true ? " (forced)" : ""}`;
    case "breaker_trip":
      return "breaker trip";
    case "provenance_change":
      return "new provenance";
    default:
      return `ceiling ${p.to === null ? "none" : String(p.to)}`;
  }
}
