/**
 * The report's data, read from the store: per scope, agreement over time with its Wilson band and
 * the evidence boundaries, decisions and autonomy rate per time bucket (hours for a short history,
 * days, then weeks), the competence curve and the operator events with their reasons and actors.
 */
import { utcDay, utcHour, utcWeek, type CountableTimeInterval } from "d3-time";
import { utcFormat } from "d3-time-format";
import { resolveCompetence, type CompetenceOptions } from "../competence/options.js";
import { computeStatus, type ScopeStatus } from "../decisions/status.js";
import { agrees } from "../stats/agreement.js";
import { wilsonInterval } from "../stats/wilson.js";
import type { DecidedRecord } from "../store/ledger-types.js";
import type { AuditEntry, FlipPolicy, GateStore } from "../store/types.js";
import type { DecisionType, Verdict } from "../types.js";
import type { Boundary, Point } from "./svg-line-chart.js";

/** Audit kinds marked on the charts. */
export const EVENT_KINDS = ["mode_change", "breaker_trip", "provenance_change", "ceiling_change"] as const;

/** Most points a line is drawn with; longer histories are thinned evenly (the last point kept). */
export const MAX_POINTS = 240;
/** Most buckets the per-bucket charts show (the latest). */
export const MAX_BUCKETS = 180;
/** Most verdicts (the latest) the per-bucket charts read. */
export const MAX_VERDICTS = 20_000;

/** The bucket width of the per-bucket charts, chosen from the span of the history. */
export type BucketUnit = "hour" | "day" | "week";

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
  /** Why, as the audit entry recorded it (null when it recorded none). */
  reason: string | null;
  actor: string;
}

export interface ScopeSeries {
  status: ScopeStatus;
  /** The agreement the flip needs under the scope's policy. */
  threshold: number;
  /** Cumulative agreement per body of evidence (it restarts when the provenance key or epoch changes). */
  agreement: AgreementPoint[];
  /** Where a new body of evidence (epoch or provenance) starts on the agreement chart. */
  boundaries: Boundary[];
  unit: BucketUnit;
  /** Bucket labels, oldest first (distinct). */
  buckets: string[];
  decisions: Record<DecisionType, number[]>;
  /** Share of each bucket's verdicts routed auto. */
  autonomy: Point[];
  /** What the charts cover: all history the store holds (the latest MAX_VERDICTS verdicts). */
  window: { from: string | null; to: string | null; verdicts: number; decisions: number; truncated: boolean };
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
      const [timeline, latest, ledger, audit] = await Promise.all([
        store.decisionTimeline(status.scope),
        store.listVerdicts({ scope: status.scope, limit: MAX_VERDICTS }),
        store.competenceHistory(status.scope),
        store.listAudit({ scope: status.scope, limit: 5000 }),
      ]);
      const verdicts = [...latest].reverse();
      const activity = bucketActivity(verdicts);
      const first = ledger[0];
      const competence =
        first === undefined
          ? []
          : [{ x: Date.parse(first.at), y: first.before }, ...ledger.map((e) => ({ x: Date.parse(e.at), y: e.after }))];
      return {
        status,
        threshold: status.policy.minAgreement,
        agreement: thin(agreementSeries(timeline)),
        boundaries: evidenceBoundaries(timeline),
        ...activity,
        competence: thin(competence),
        bands: { proposalAt: config.proposalAt, autonomousAt: config.autonomousAt },
        events: events(audit),
        window: {
          from: verdicts[0]?.createdAt ?? null,
          to: verdicts[verdicts.length - 1]?.createdAt ?? null,
          verdicts: verdicts.length,
          decisions: timeline.length,
          truncated: latest.length === MAX_VERDICTS,
        },
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

/**
 * Where a new body of evidence starts: the first decision on a verdict of an epoch or provenance
 * key not seen before (a late decision on an older body draws no second rule).
 */
export function evidenceBoundaries(timeline: DecidedRecord[]): Boundary[] {
  const out: Boundary[] = [];
  const seen = new Set<string>();
  const epochs = new Set<number>();
  for (const record of timeline) {
    const key = `${record.provenanceKey}#${record.epoch}`;
    if (seen.has(key)) continue;
    if (seen.size > 0) out.push({ x: Date.parse(record.decidedAt), label: epochs.has(record.epoch) ? "new provenance" : `epoch ${record.epoch}` });
    seen.add(key);
    epochs.add(record.epoch);
  }
  return out;
}

const UNITS: Array<{ unit: BucketUnit; interval: CountableTimeInterval; upTo: number }> = [
  { unit: "hour", interval: utcHour, upTo: 2 * 86_400_000 },
  { unit: "day", interval: utcDay, upTo: 120 * 86_400_000 },
  { unit: "week", interval: utcWeek, upTo: Number.POSITIVE_INFINITY },
];

/** Decisions (by decision time) and the autonomy rate (by verdict time) per calendar bucket. */
export function bucketActivity(verdicts: Verdict[]): Pick<ScopeSeries, "unit" | "buckets" | "decisions" | "autonomy"> {
  const times = verdicts.flatMap((v) => [Date.parse(v.createdAt), ...(v.decision ? [Date.parse(v.decision.at)] : [])]);
  const empty = { approve: [], edit: [], reject: [], skip: [] };
  if (times.length === 0) return { unit: "day", buckets: [], decisions: empty, autonomy: [] };
  const start = Math.min(...times);
  const end = Math.max(...times);
  const { unit, interval } = UNITS.find((u) => end - start <= u.upTo) ?? (UNITS[2] as (typeof UNITS)[number]);
  const all = interval.range(interval.floor(new Date(start)), interval.offset(interval.floor(new Date(end)), 1));
  const starts = all.slice(-MAX_BUCKETS).map((d) => d.getTime());
  const indexOf = (ms: number) => starts.indexOf(interval.floor(new Date(ms)).getTime());
  const decisions: Record<DecisionType, number[]> = {
    approve: starts.map(() => 0),
    edit: starts.map(() => 0),
    reject: starts.map(() => 0),
    skip: starts.map(() => 0),
  };
  const routed = starts.map(() => ({ auto: 0, total: 0 }));
  for (const v of verdicts) {
    const made = routed[indexOf(Date.parse(v.createdAt))];
    if (made) [made.auto, made.total] = [made.auto + (v.route === "auto" ? 1 : 0), made.total + 1];
    const i = v.decision ? indexOf(Date.parse(v.decision.at)) : -1;
    const row = v.decision ? decisions[v.decision.type] : undefined;
    if (row && i >= 0) row[i] = (row[i] ?? 0) + 1;
  }
  const oneDay = utcDay.count(new Date(starts[0] ?? 0), new Date(starts[starts.length - 1] ?? 0)) === 0;
  const format = utcFormat(unit === "hour" ? (oneDay ? "%H:%M" : "%b %d %H:%M") : "%b %d");
  const width = (starts[1] ?? interval.offset(new Date(starts[0] ?? 0), 1).getTime()) - (starts[0] ?? 0);
  return {
    unit,
    buckets: starts.map((t) => format(new Date(t))),
    decisions,
    autonomy: routed.flatMap((r, i) => (r.total > 0 ? [{ x: (starts[i] ?? 0) + width / 2, y: r.auto / r.total }] : [])),
  };
}

function events(audit: AuditEntry[]): ReportEvent[] {
  return audit
    .filter((e) => (EVENT_KINDS as readonly string[]).includes(e.kind))
    .reverse()
    .map((e) => ({
      x: Date.parse(e.at),
      kind: e.kind,
      label: eventLabel(e),
      reason: typeof e.payload.reason === "string" && e.payload.reason !== "" ? e.payload.reason : null,
      actor: e.actor,
    }));
}

function eventLabel(entry: AuditEntry): string {
  const p = entry.payload;
  switch (entry.kind) {
    case "mode_change":
      return `${String(p.from ?? "?")} → ${String(p.to)}${p.forced === true ? " (forced)" : ""}`;
    case "breaker_trip":
      return typeof p.epoch === "number" ? `breaker trip → epoch ${p.epoch}` : "breaker trip";
    case "provenance_change":
      return "new provenance";
    default:
      return `ceiling ${p.to === null ? "none" : String(p.to)}`;
  }
}
