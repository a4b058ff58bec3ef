/**
 * Seeds a scope with decided verdicts for the history-scale figure, fast: the rows are generated
 * inside SQLite by one `INSERT … SELECT` over a recursive counter per transaction (a multi-row
 * insert with no per-row round trip), through the real schema (migrated first). The agreement
 * counters are moved in the same transaction by an aggregate over exactly the rows just inserted,
 * so they always equal what `recordDecision` would have produced for those rows.
 *
 * Not seeded: audit entries and competence events (neither the eligibility check nor `status`
 * reads them).
 */
import { closeSync, fsyncSync, openSync } from "node:fs";
import { createClient, type Client } from "@libsql/client";
import { localFilePath } from "../src/store/sqlite/client.js";
import { migrate } from "../src/store/migrate.js";

/** Options of {@link seedHistory}. */
export interface SeedOptions {
  /** Scope the verdicts belong to. */
  scope: string;
  /** Provenance key stamped on the verdicts and on the scope (the evidence that counts). */
  provenanceKey: string;
  /** Total decided verdicts the scope should hold afterwards (rows already there are kept). */
  total: number;
  /** Rows per transaction. @default 100000 */
  batch?: number;
}

/** Epoch second of the first seeded verdict (2025-01-01T00:00:00Z); verdict i is i seconds later. */
const BASE_EPOCH_S = 1_735_689_600;

/** A realistic levels column: three scored levels, no draft text (as the gate stores them). */
const LEVELS_JSON = JSON.stringify([
  { level: "step", score: 0.9, reason: "Each step produced what the next one needed.", violations: [], promptId: "step-expectations@1", latencyMs: 412 },
  { level: "trajectory", score: 0.9, reason: "Research, angle, email: a sensible order with no loops.", violations: [], promptId: "trajectory@1", latencyMs: 388 },
  { level: "outcome", score: 0.9, reason: "Grounded in the evidence, polite, one clear ask.", violations: [], promptId: "outcome-compliance@1", latencyMs: 455 },
]);

const FAILED_VIOLATIONS_JSON = JSON.stringify([{ code: "spam_phrase", severity: "hard", level: "outcome", detail: "spam trigger phrase" }]);

function provenanceJson(provenanceKey: string): string {
  return JSON.stringify({
    prompts: ["step-expectations@1", "step-wellformed@1", "trajectory@1", "outcome-compliance@1"],
    guardrailSetVersion: "guardrails@1",
    judgeModels: { step: "gpt-4.1-mini", trajectory: "gpt-4.1-mini", outcome: "gpt-4.1-mini" },
    packageVersion: "0.1.0",
    provenanceKey,
  });
}

/**
 * The deterministic mix: 80% of verdicts pass; passes are approved except one in forty edited
 * (no rejected pass, so the scope stays eligible and the whole eligibility path runs); fails are
 * rejected or edited, and one in twenty fails is approved anyway (a disagreement).
 */
const PASSED = "(i % 10 < 8)";
const DECISION = `CASE
  WHEN ${PASSED} AND i % 40 = 3 THEN 'edit'
  WHEN ${PASSED} THEN 'approve'
  WHEN i % 20 = 9 THEN 'approve'
  WHEN i % 10 = 8 THEN 'reject'
  ELSE 'edit' END`;
const CREATED = `strftime('%Y-%m-%dT%H:%M:%fZ', ${BASE_EPOCH_S} + i, 'unixepoch')`;
const DECIDED = `strftime('%Y-%m-%dT%H:%M:%fZ', ${BASE_EPOCH_S} + i + 3600, 'unixepoch')`;

function insertBatchSql(from: number, to: number): string {
  return `
INSERT INTO verdicts (id, scope, thread_id, draft_hash, provenance_key, epoch, passed, composite, mode, route,
  audit_sampled, levels, violations, unscored, provenance, eligibility, escalation, rationale, policy_version,
  created_at, decision_type, decision, decided_at, decision_policy_version)
WITH RECURSIVE seq(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ${to}),
rows AS (SELECT i, ${PASSED} AS passed, ${DECISION} AS decision FROM seq)
SELECT printf('bench-v-%09d', i), :scope, printf('bench-t-%09d', i), printf('%064x', i), :key, 0, passed,
  CASE WHEN passed THEN 0.9 ELSE 0.45 END, 'shadow', 'human', 0, :levels,
  CASE WHEN passed THEN '[]' ELSE :failed END, '[]', :provenance, NULL, '[]',
  CASE WHEN passed THEN 'passed: composite 0.90' ELSE 'failed: hard violation spam_phrase' END, 0,
  ${CREATED}, decision, json_object('type', decision, 'at', ${DECIDED}, 'by', 'bench'), ${DECIDED}, 0
FROM rows`;
}

/** Adds the cells of the verdicts with rowid > :after to the scope's counters (same transaction). */
const BUMP_COUNTERS_SQL = `
INSERT INTO agreement_counters (scope, provenance_key, epoch, pass_approve, pass_edit, pass_reject, fail_approve, fail_edit, fail_reject)
SELECT scope, provenance_key, epoch,
  sum(passed AND decision_type = 'approve'), sum(passed AND decision_type = 'edit'), sum(passed AND decision_type = 'reject'),
  sum(NOT passed AND decision_type = 'approve'), sum(NOT passed AND decision_type = 'edit'), sum(NOT passed AND decision_type = 'reject')
FROM verdicts WHERE rowid > :after AND scope = :scope GROUP BY scope, provenance_key, epoch
ON CONFLICT (scope, provenance_key, epoch) DO UPDATE SET
  pass_approve = pass_approve + excluded.pass_approve, pass_edit = pass_edit + excluded.pass_edit,
  pass_reject = pass_reject + excluded.pass_reject, fail_approve = fail_approve + excluded.fail_approve,
  fail_edit = fail_edit + excluded.fail_edit, fail_reject = fail_reject + excluded.fail_reject`;

async function scalar(client: Client, sql: string, args: Record<string, string | number> = {}): Promise<number> {
  const result = await client.execute({ sql, args });
  return Number(result.rows[0]?.[0] ?? 0);
}

/**
 * Grows the scope of the database at `url` (a `file:` URL) to `total` decided verdicts. Returns
 * how many rows were inserted.
 */
export async function seedHistory(url: string, options: SeedOptions): Promise<number> {
  await migrate(url);
  const batch = options.batch ?? 100_000;
  const client = createClient({ url });
  let start = 0;
  try {
    await client.execute("PRAGMA journal_mode=WAL");
    // Seeding is set-up, not the measurement: skip fsync; the measured store opens with its own settings.
    await client.execute("PRAGMA synchronous=OFF");
    const now = new Date(BASE_EPOCH_S * 1000).toISOString();
    await client.execute({
      sql: `INSERT INTO scopes (scope, mode, breaker, breaker_reason, epoch, policy, policy_version, provenance_key, updated_at)
            VALUES (:scope, 'shadow', 'closed', NULL, 0, NULL, 0, :key, :now)
            ON CONFLICT (scope) DO UPDATE SET provenance_key = excluded.provenance_key`,
      args: { scope: options.scope, key: options.provenanceKey, now },
    });
    start = await scalar(client, "SELECT count(*) FROM verdicts WHERE scope = :scope", { scope: options.scope });
    const common = { scope: options.scope, key: options.provenanceKey, levels: LEVELS_JSON, failed: FAILED_VIOLATIONS_JSON, provenance: provenanceJson(options.provenanceKey) };
    for (let from = start; from < options.total; from += batch) {
      const to = Math.min(from + batch, options.total);
      const after = await scalar(client, "SELECT coalesce(max(rowid), 0) FROM verdicts");
      await client.batch(
        [
          { sql: insertBatchSql(from, to), args: common },
          { sql: BUMP_COUNTERS_SQL, args: { after, scope: options.scope } },
        ],
        "write",
      );
    }
    await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    client.close();
  }
  // Flush the unsynced seed to disk now, so its write-back does not slow later measurements.
  const file = localFilePath(url);
  if (file !== null) {
    const fd = openSync(file, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return Math.max(0, options.total - start);
}
