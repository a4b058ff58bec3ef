/**
 * Escalation records (DESIGN §7): insert-or-ignore by the id derived from the verdict id, the
 * owner's resolution backfilled by id, and the counts behind the escalation KPIs. Every change
 * commits together with its audit entry.
 */
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { EscalationRecord, EscalationStats, EscalationStore, NewEscalation, ResolutionInput } from "../escalation/types.js";
import { NotFoundError } from "../errors.js";
import { canonicalJson } from "../hash.js";
import { appendAuditTx, DEFAULT_ACTOR } from "./audit.js";
import type { StoreContext } from "./context.js";
import { lockTx, tablesOf, type EscalationRow } from "./tables.js";

const DEFAULT_LIST_LIMIT = 100;

function rowToEscalation(row: EscalationRow): EscalationRecord {
  return {
    id: row.id,
    verdictId: row.verdictId,
    scope: row.scope,
    threadId: row.threadId,
    queue: row.queue,
    priority: row.priority,
    codes: row.codes,
    package: row.package,
    status: row.status,
    resolution: row.resolution,
    createdAt: row.createdAt,
  };
}

async function saveEscalation(ctx: StoreContext, input: NewEscalation): Promise<{ record: EscalationRecord; inserted: boolean }> {
  // Re-runs are the common repeat: answer them without taking the write lock.
  const existing = await getEscalation(ctx, input.id);
  if (existing !== null) return { record: existing, inserted: false };
  return ctx.write(async (tx) => {
    const { escalations } = tablesOf(tx);
    const now = ctx.now();
    const row: EscalationRow = {
      ...input,
      status: "open",
      appropriate: null,
      sufficient: null,
      resolution: null,
      createdAt: now.toISOString(),
      resolvedAt: null,
    };
    // A concurrent writer may have stored it since the read above: the id decides.
    const [inserted] = await tx.insert(escalations).values(row).onConflictDoNothing({ target: escalations.id }).returning({ id: escalations.id });
    if (inserted === undefined) {
      const [stored] = await tx.select().from(escalations).where(eq(escalations.id, input.id));
      if (stored === undefined) throw new Error(`escalation ${input.id} was neither inserted nor found`);
      return { record: rowToEscalation(stored), inserted: false };
    }
    await appendAuditTx(tx, now, {
      kind: "escalation_opened",
      scope: input.scope,
      actor: "gate",
      // Ids, routing and codes only: the package stays in its row.
      payload: { escalationId: input.id, verdictId: input.verdictId, queue: input.queue, priority: input.priority, codes: input.codes },
    });
    return { record: rowToEscalation(row), inserted: true };
  });
}

function getEscalation(ctx: StoreContext, id: string): Promise<EscalationRecord | null> {
  return ctx.read(async (db) => {
    const { escalations } = tablesOf(db);
    const [row] = await db.select().from(escalations).where(eq(escalations.id, id));
    return row === undefined ? null : rowToEscalation(row);
  });
}

function listEscalations(
  ctx: StoreContext,
  filter: { scope?: string; open?: boolean; limit?: number } = {},
): Promise<EscalationRecord[]> {
  return ctx.read(async (db) => {
    const { escalations } = tablesOf(db);
    const rows = await db
      .select()
      .from(escalations)
      .where(
        and(
          filter.scope === undefined ? undefined : eq(escalations.scope, filter.scope),
          filter.open === true ? eq(escalations.status, "open") : undefined,
        ),
      )
      .orderBy(desc(escalations.createdAt), desc(sql`rowid`))
      .limit(filter.limit ?? DEFAULT_LIST_LIMIT);
    return rows.map(rowToEscalation);
  });
}

async function resolveEscalation(
  ctx: StoreContext,
  id: string,
  input: ResolutionInput,
): Promise<{ record: EscalationRecord; changed: boolean }> {
  return ctx.write(async (tx) => {
    const { escalations } = tablesOf(tx);
    await lockTx(tx, `escalation:${id}`);
    const [row] = await tx.select().from(escalations).where(eq(escalations.id, id));
    if (row === undefined) throw new NotFoundError("escalation", id);
    const now = ctx.now();
    const resolution = {
      resolution: input.resolution,
      appropriate: input.appropriate,
      sufficient: input.sufficient,
      ...(input.note === undefined ? {} : { note: input.note }),
      ...(input.by === undefined ? {} : { by: input.by }),
      at: input.at ?? now.toISOString(),
    };
    const same = (r: typeof resolution | null) =>
      r !== null && canonicalJson({ ...r, at: undefined }) === canonicalJson({ ...resolution, at: undefined });
    if (same(row.resolution)) return { record: rowToEscalation(row), changed: false };
    const update = {
      status: resolution.resolution,
      appropriate: resolution.appropriate,
      sufficient: resolution.sufficient,
      resolution,
      resolvedAt: resolution.at,
    };
    await tx.update(escalations).set(update).where(eq(escalations.id, id));
    await appendAuditTx(tx, now, {
      kind: "escalation_resolved",
      scope: row.scope,
      actor: resolution.by ?? DEFAULT_ACTOR,
      payload: {
        escalationId: id,
        verdictId: row.verdictId,
        resolution: resolution.resolution,
        appropriate: resolution.appropriate,
        sufficient: resolution.sufficient,
        ...(row.resolution === null ? {} : { replaces: row.resolution.resolution }),
      },
    });
    return { record: rowToEscalation({ ...row, ...update }), changed: true };
  });
}

/**
 * KPI counts of a scope. The missed-escalation side reads verdicts routed `auto` that later got a
 * decision: an auto-approved draft only gets one when an audit backfills it by id.
 */
function escalationStats(ctx: StoreContext, scope: string): Promise<EscalationStats> {
  return ctx.read(async (db) => {
    const { verdicts, escalations } = tablesOf(db);
    const [esc] = await db
      .select({
        escalations: count(),
        resolved: sql<number>`coalesce(sum(case when ${escalations.status} <> 'open' then 1 else 0 end), 0)`,
        appropriate: sql<number>`coalesce(sum(case when ${escalations.status} <> 'open' and ${escalations.appropriate} is true then 1 else 0 end), 0)`,
        sufficient: sql<number>`coalesce(sum(case when ${escalations.status} <> 'open' and ${escalations.sufficient} is true then 1 else 0 end), 0)`,
      })
      .from(escalations)
      .where(eq(escalations.scope, scope));
    const [routed] = await db
      .select({
        verdicts: count(),
        escalated: sql<number>`coalesce(sum(case when ${verdicts.route} = 'escalate' then 1 else 0 end), 0)`,
      })
      .from(verdicts)
      .where(eq(verdicts.scope, scope));
    const decided = await db
      .select({ decision: verdicts.decisionType, n: count() })
      .from(verdicts)
      .where(and(eq(verdicts.scope, scope), eq(verdicts.route, "auto"), inArray(verdicts.decisionType, ["approve", "edit", "reject"])))
      .groupBy(verdicts.decisionType);
    const autoDecided = decided.reduce((sum, d) => sum + d.n, 0);
    const autoWrong = decided.filter((d) => d.decision !== "approve").reduce((sum, d) => sum + d.n, 0);
    const total = esc?.escalations ?? 0;
    const resolved = Number(esc?.resolved ?? 0);
    return {
      verdicts: routed?.verdicts ?? 0,
      escalated: Number(routed?.escalated ?? 0),
      escalations: total,
      open: total - resolved,
      resolved,
      appropriate: Number(esc?.appropriate ?? 0),
      sufficient: Number(esc?.sufficient ?? 0),
      autoDecided,
      autoWrong,
    };
  });
}

/** The {@link EscalationStore} part of the gate store over one connection. */
export function escalationMethods(ctx: StoreContext): EscalationStore {
  return {
    saveEscalation: (record) => saveEscalation(ctx, record),
    getEscalation: (id) => getEscalation(ctx, id),
    listEscalations: (filter) => listEscalations(ctx, filter),
    resolveEscalation: (id, resolution) => resolveEscalation(ctx, id, resolution),
    escalationStats: (scope) => escalationStats(ctx, scope),
  };
}
