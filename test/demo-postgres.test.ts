/**
 * `npm run demo -- --db postgres://…`: the outreach life cycle with the gate store and LangGraph's
 * PostgresSaver checkpoints in one PostgreSQL database (AUTONOMY_GATE_TEST_PG). The demo drops
 * fixed schema names (autonomy_gate, langgraph), so it runs in a database of its own, dropped after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { runCli } from "../src/cli/run-cli.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { runTsChild } from "./helpers/child-process.js";
import { captureIo } from "./helpers/evals-io.js";
import { freshSchemaName, PG_URL } from "./helpers/store-backends.js";

const DEMO = "graphs/demo.ts";
const SCOPE = "outreach:first_touch";
const DEMO_TIMEOUT_MS = 240_000;
// A child that only starts tsx and refuses its argument; generous for a loaded machine.
const REFUSAL_TIMEOUT_MS = 60_000;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const tablesIn = async (url: string, schema: string) =>
  (await query<{ table_name: string }>(url, "select table_name from information_schema.tables where table_schema = $1", [schema])).map((r) => r.table_name);

describe("the demo's --db argument", () => {
  it("refuses a value that is not a database URL with one line and exit code 2", async () => {
    const run = await runTsChild(DEMO, ["--db", "nonsense"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^demo: --db "nonsense" is not usable: expected .*postgres:\/\//)]);
  }, REFUSAL_TIMEOUT_MS);

  it("reports an unreachable PostgreSQL server in one line, exit code 2, without the password", async () => {
    const run = await runTsChild(DEMO, ["--db", "postgres://gate:secret@127.0.0.1:1/none"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining("cannot use the PostgreSQL database postgres://gate:***@127.0.0.1:1/none")]);
    expect(run.stderr + run.stdout).not.toContain("secret");
  }, REFUSAL_TIMEOUT_MS);
});

describe.skipIf(PG_URL === undefined || PG_URL === "")("the demo on a PostgreSQL --db", () => {
  const database = freshSchemaName("demo");
  const url = (() => {
    const parsed = new URL(PG_URL ?? "postgres://unset");
    parsed.pathname = `/${database}`;
    return parsed.toString();
  })();

  beforeAll(() => query(PG_URL as string, `create database "${database}"`));
  // FORCE: the store's pool ends in the background after close(), and may still be connected.
  afterAll(() => query(PG_URL as string, `drop database if exists "${database}" with (force)`));

  it(
    "runs the life cycle with the gate store in autonomy_gate and the checkpoints in langgraph, fresh on every run",
    async () => {
      const first = await runTsChild(DEMO, ["--db", url]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain(`Database: ${url} (started fresh: dropped the schemas autonomy_gate and langgraph)`);
      expect(first.stdout).toContain(`AUTONOMY_GATE_DB_SCHEMA=autonomy_gate npx autonomy-gate status --db ${url}`);
      expect(first.stdout).toMatch(/Audit log: intact/);

      // The inspection the demo prints works: the CLI finds the scope in that schema.
      const status = captureIo({ env: { AUTONOMY_GATE_DB_SCHEMA: "autonomy_gate" } });
      expect(await runCli(["status", "--db", url, "--json"], status.io), status.stderr()).toBe(0);
      expect(JSON.parse(status.stdout())).toMatchObject({ scopes: [{ scope: SCOPE }] });

      expect(await tablesIn(url, "autonomy_gate")).toEqual(expect.arrayContaining(["verdicts", "audit_log", "scopes", "settings"]));
      expect(await tablesIn(url, "langgraph")).toEqual(expect.arrayContaining(["checkpoints", "checkpoint_blobs", "checkpoint_writes", "checkpoint_migrations"]));
      // The graph really checkpointed there: one thread per prospect.
      const [threads] = await query<{ n: number }>(url, "select count(distinct thread_id)::int as n from langgraph.checkpoints");
      expect(threads?.n).toBeGreaterThan(10);

      const verdictsAfter = async () => {
        const store = createGateStore({ url, schema: "autonomy_gate" });
        try {
          const verdicts = await store.listVerdicts({ scope: SCOPE, limit: 10_000 });
          const audit = await store.verifyAudit();
          return { verdicts: verdicts.length, audit };
        } finally {
          store.close();
        }
      };
      const once = await verdictsAfter();
      expect(once.verdicts).toBeGreaterThan(0);
      expect(once.audit).toMatchObject({ ok: true });

      // A second run starts from dropped schemas, so it ends where the first did, not with twice the rows.
      const second = await runTsChild(DEMO, ["--db", url]);
      expect(second.code, second.stderr).toBe(0);
      const twice = await verdictsAfter();
      expect(twice.verdicts).toBe(once.verdicts);
      expect(twice.audit).toMatchObject({ ok: true, checked: once.audit.checked });
    },
    2 * DEMO_TIMEOUT_MS,
  );
});
