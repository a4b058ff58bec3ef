/** The decided verdicts calibration and tuning read (DESIGN §5: thresholds checked against outcomes). */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { CalibrationRecord } from "../stats/calibration.js";
import type { StoreContext } from "./context.js";
import type { Executor } from "./executor.js";
import { tablesOf } from "./tables.js";

const DEFAULT_LIMIT = 10_000;

/** A scope's decided verdicts (approve / edit / reject), newest decision first, optionally of one provenance key. */
export function calibrationRecords(
  ctx: StoreContext,
  scope: string,
  options: { provenanceKey?: string; limit?: number } = {},
): Promise<CalibrationRecord[]> {
  return ctx.read(async (db) => {
    const rows = await calibrationQuery(db, scope, options);
    return rows.map((r) => ({
      composite: r.composite,
      passed: r.passed,
      hardViolation: r.violations.some((v) => v.severity === "hard"),
      levels: r.levels.flatMap((l) => (l.score === null ? [] : [{ level: l.level, score: l.score }])),
      decision: r.decision as CalibrationRecord["decision"],
      mode: r.mode,
    }));
  });
}

/**
 * The query itself; with a provenance key it walks the (scope, provenance key, decided at) index
 * newest first and stops at the limit (exported so a test can check the plan).
 */
export function calibrationQuery(db: Executor, scope: string, options: { provenanceKey?: string; limit?: number }) {
  const { verdicts } = tablesOf(db);
  return db
    .select({
      composite: verdicts.composite,
      passed: verdicts.passed,
      violations: verdicts.violations,
      levels: verdicts.levels,
      decision: verdicts.decisionType,
      mode: verdicts.mode,
    })
    .from(verdicts)
    .where(
      and(
        eq(verdicts.scope, scope),
        inArray(verdicts.decisionType, ["approve", "edit", "reject"]),
        options.provenanceKey === undefined ? undefined : eq(verdicts.provenanceKey, options.provenanceKey),
      ),
    )
    .orderBy(desc(verdicts.decidedAt), desc(sql`rowid`))
    .limit(options.limit ?? DEFAULT_LIMIT);
}
