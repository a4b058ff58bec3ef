/**
 * The post-hoc audit queue and its reviews (DESIGN §5). The queue is a query, not a copy: the
 * auto verdicts stamped `post_hoc_sampled` that have no review row yet.
 */
import { and, asc, count, desc, eq, isNull, min, sql } from "drizzle-orm";
import { GateConfigError, NotFoundError } from "../errors.js";
import { appendAuditTx, DEFAULT_ACTOR } from "./audit.js";
import type { StoreContext } from "./context.js";
import type { PostHocReview, PostHocStats, PostHocStore } from "./post-hoc-types.js";
import { calibrationRecords } from "./calibration.js";
import { escalationTrend } from "./escalation-trend.js";
import { rowToVerdict } from "./rows.js";
import { lockTx, tablesOf, type PostHocReviewRow } from "./tables.js";

const DEFAULT_LIMIT = 100;

const toReview = (row: PostHocReviewRow): PostHocReview => ({ ...row });

/** The {@link PostHocStore} part of the gate store over one connection. */
export function postHocMethods(ctx: StoreContext): PostHocStore {
  return {
    postHocQueue: (filter = {}) =>
      ctx.read(async (db) => {
        const { verdicts, postHocReviews } = tablesOf(db);
        const rows = await db
          .select({ verdict: verdicts })
          .from(verdicts)
          .leftJoin(postHocReviews, eq(postHocReviews.verdictId, verdicts.id))
          .where(
            and(
              eq(verdicts.postHocSampled, true),
              eq(verdicts.route, "auto"),
              isNull(postHocReviews.verdictId),
              filter.scope === undefined ? undefined : eq(verdicts.scope, filter.scope),
            ),
          )
          .orderBy(asc(verdicts.createdAt), asc(verdicts.id))
          .limit(filter.limit ?? DEFAULT_LIMIT);
        return rows.map((r) => rowToVerdict(r.verdict));
      }),

    recordPostHocReview: (verdictId, input) =>
      ctx.write(async (tx) => {
        const { verdicts, postHocReviews } = tablesOf(tx);
        await lockTx(tx, `post-hoc:${verdictId}`);
        const [row] = await tx.select().from(verdicts).where(eq(verdicts.id, verdictId));
        if (row === undefined) throw new NotFoundError("verdict", verdictId);
        if (row.route !== "auto") {
          throw new GateConfigError("verdictId", verdictId, `an auto-routed verdict (this one was routed ${row.route})`);
        }
        const [previous] = await tx.select().from(postHocReviews).where(eq(postHocReviews.verdictId, verdictId));
        if (previous !== undefined && previous.finding === input.finding) {
          return { verdict: rowToVerdict(row), review: toReview(previous), changed: false };
        }
        const now = ctx.now();
        const review: PostHocReviewRow = {
          verdictId,
          scope: row.scope,
          finding: input.finding,
          note: input.note ?? null,
          by: input.by ?? DEFAULT_ACTOR,
          at: now.toISOString(),
        };
        await tx
          .insert(postHocReviews)
          .values(review)
          .onConflictDoUpdate({ target: postHocReviews.verdictId, set: { finding: review.finding, note: review.note, by: review.by, at: review.at } });
        await appendAuditTx(tx, now, {
          kind: "post_hoc_review",
          scope: row.scope,
          actor: review.by,
          // Ids and the finding only: never the reviewer's free-text note.
          payload: { verdictId, finding: review.finding, previous: previous?.finding ?? null, sampled: row.postHocSampled },
        });
        return { verdict: rowToVerdict(row), review: toReview(review), changed: true };
      }),

    getPostHocReview: (verdictId) =>
      ctx.read(async (db) => {
        const { postHocReviews } = tablesOf(db);
        const [row] = await db.select().from(postHocReviews).where(eq(postHocReviews.verdictId, verdictId));
        return row === undefined ? null : toReview(row);
      }),

    postHocStats: (scope) =>
      ctx.read(async (db): Promise<PostHocStats> => {
        const { verdicts, postHocReviews } = tablesOf(db);
        const [queue] = await db
          .select({ queued: count(), oldest: min(verdicts.createdAt) })
          .from(verdicts)
          .leftJoin(postHocReviews, eq(postHocReviews.verdictId, verdicts.id))
          .where(and(eq(verdicts.postHocSampled, true), eq(verdicts.scope, scope), eq(verdicts.route, "auto"), isNull(postHocReviews.verdictId)));
        const [judged] = await db
          .select({
            reviewed: sql<number>`coalesce(sum(case when ${postHocReviews.finding} is not null then 1 else 0 end), 0)`,
            wrong: sql<number>`coalesce(sum(case when ${postHocReviews.finding} = 'wrong' then 1 else 0 end), 0)`,
            autoJudged: sql<number>`coalesce(sum(case when ${postHocReviews.finding} is not null or ${verdicts.decisionType} in ('approve', 'edit', 'reject') then 1 else 0 end), 0)`,
            autoWrong: sql<number>`coalesce(sum(case when ${postHocReviews.finding} = 'wrong' or (${postHocReviews.finding} is null and ${verdicts.decisionType} in ('edit', 'reject')) then 1 else 0 end), 0)`,
          })
          .from(verdicts)
          .leftJoin(postHocReviews, eq(postHocReviews.verdictId, verdicts.id))
          .where(and(eq(verdicts.scope, scope), eq(verdicts.route, "auto")));
        return {
          queued: queue?.queued ?? 0,
          oldestQueuedAt: queue?.oldest ?? null,
          reviewed: Number(judged?.reviewed ?? 0),
          wrong: Number(judged?.wrong ?? 0),
          autoJudged: Number(judged?.autoJudged ?? 0),
          autoWrong: Number(judged?.autoWrong ?? 0),
        };
      }),

    calibrationRecords: (scope, options) => calibrationRecords(ctx, scope, options),
    escalationTrend: (scope) => escalationTrend(ctx, scope),

    listVerdictsBy: (filter) =>
      ctx.read(async (db) => {
        const { verdicts } = tablesOf(db);
        const rows = await db
          .select()
          .from(verdicts)
          .where(
            and(
              filter.scope === undefined ? undefined : eq(verdicts.scope, filter.scope),
              filter.route === undefined ? undefined : eq(verdicts.route, filter.route),
              filter.undecided === true ? isNull(verdicts.decisionType) : undefined,
            ),
          )
          .orderBy(desc(verdicts.createdAt), desc(sql`rowid`))
          .limit(filter.limit ?? DEFAULT_LIMIT);
        return rows.map(rowToVerdict);
      }),
  };
}
