/**
 * Read-only history of a scope for the report and for certificates: the decided verdicts in
 * decision order, per-day activity, and the period a body of evidence covers.
 */
import { and, desc, eq, inArray, isNotNull, max, min, sql } from "drizzle-orm";
import { DECISION_TYPES, type DecisionType, type Route } from "../types.js";
import type { StoreContext } from "./context.js";
import type { DailyActivity, DecidedRecord } from "./ledger-types.js";
import { tablesOf } from "./tables.js";

const DECIDED: DecisionType[] = ["approve", "edit", "reject"];
const DEFAULT_TIMELINE_LIMIT = 20_000;

export function decisionTimeline(ctx: StoreContext, scope: string, options: { limit?: number } = {}): Promise<DecidedRecord[]> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    const rows = await db
      .select({
        verdictId: verdicts.id,
        createdAt: verdicts.createdAt,
        decidedAt: verdicts.decidedAt,
        passed: verdicts.passed,
        decision: verdicts.decisionType,
        mode: verdicts.mode,
        route: verdicts.route,
        provenanceKey: verdicts.provenanceKey,
        epoch: verdicts.epoch,
        policyVersion: verdicts.policyVersion,
        decisionPolicyVersion: verdicts.decisionPolicyVersion,
      })
      .from(verdicts)
      .where(and(eq(verdicts.scope, scope), isNotNull(verdicts.decidedAt), inArray(verdicts.decisionType, DECIDED)))
      .orderBy(desc(verdicts.decidedAt), desc(sql`rowid`))
      .limit(options.limit ?? DEFAULT_TIMELINE_LIMIT);
    return rows.reverse().flatMap((r) =>
      r.decidedAt === null || r.decision === null ? [] : [{ ...r, decidedAt: r.decidedAt, decision: r.decision }],
    );
  });
}

export function dailyActivity(ctx: StoreContext, scope: string): Promise<DailyActivity[]> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    const created = sql<string>`substr(${verdicts.createdAt}, 1, 10)`;
    const decided = sql<string>`substr(${verdicts.decidedAt}, 1, 10)`;
    const routes = await db
      .select({ day: created, route: verdicts.route, n: sql<number>`count(*)` })
      .from(verdicts)
      .where(eq(verdicts.scope, scope))
      .groupBy(created, verdicts.route);
    const decisions = await db
      .select({ day: decided, decision: verdicts.decisionType, n: sql<number>`count(*)` })
      .from(verdicts)
      .where(and(eq(verdicts.scope, scope), isNotNull(verdicts.decidedAt)))
      .groupBy(decided, verdicts.decisionType);
    const days = new Map<string, DailyActivity>();
    const dayOf = (day: string) => {
      let entry = days.get(day);
      if (entry === undefined) {
        entry = {
          day,
          routes: { auto: 0, human: 0, escalate: 0 },
          decisions: Object.fromEntries(DECISION_TYPES.map((t) => [t, 0])) as Record<DecisionType, number>,
        };
        days.set(day, entry);
      }
      return entry;
    };
    for (const r of routes) dayOf(r.day).routes[r.route as Route] += Number(r.n);
    for (const d of decisions) if (d.decision !== null) dayOf(d.day).decisions[d.decision] += Number(d.n);
    return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  });
}

export function evidencePeriod(
  ctx: StoreContext,
  scope: string,
  provenanceKey: string,
  epoch: number,
): Promise<{ from: string; to: string } | null> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    const [row] = await db
      .select({ from: min(verdicts.decidedAt), to: max(verdicts.decidedAt) })
      .from(verdicts)
      .where(
        and(
          eq(verdicts.scope, scope),
          eq(verdicts.provenanceKey, provenanceKey),
          eq(verdicts.epoch, epoch),
          inArray(verdicts.decisionType, DECIDED),
        ),
      );
    return row?.from && row.to ? { from: row.from, to: row.to } : null;
  });
}
