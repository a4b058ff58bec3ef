/** Escalation rate per trigger over time (seed 004): the last 7 and 30 days against the whole history. */
import { and, count, eq, gte, sql } from "drizzle-orm";
import type { StoreContext } from "./context.js";
import type { EscalationTrend, EscalationWindow } from "../escalation/types.js";
import { dialectOf, tablesOf } from "./tables.js";

const DAY_MS = 86_400_000;

export function escalationTrend(ctx: StoreContext, scope: string): Promise<EscalationTrend> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    const now = ctx.now().getTime();
    const window = async (since: string | null): Promise<EscalationWindow> => {
      const where = and(eq(verdicts.scope, scope), since === null ? undefined : gte(verdicts.createdAt, since));
      const [totals] = await db
        .select({ verdicts: count(), escalated: sql<number>`coalesce(sum(case when ${verdicts.route} = 'escalate' then 1 else 0 end), 0)` })
        .from(verdicts)
        .where(where);
      const codes = await db
        .select({ code: sql<string>`j.value`, n: count() })
        .from(dialectOf(db).eachJsonElement(verdicts, verdicts.escalation))
        .where(where)
        .groupBy(sql`j.value`);
      return {
        verdicts: totals?.verdicts ?? 0,
        escalated: Number(totals?.escalated ?? 0),
        byTrigger: Object.fromEntries(codes.map((c) => [c.code, c.n])),
      };
    };
    const iso = (ms: number) => new Date(ms).toISOString();
    return { last7d: await window(iso(now - 7 * DAY_MS)), last30d: await window(iso(now - 30 * DAY_MS)), all: await window(null) };
  });
}
