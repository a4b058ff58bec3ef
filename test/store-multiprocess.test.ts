import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createGateStore } from "../src/store/create-gate-store.js";
import { dropSchemas, freshSchemaName, PG_URL } from "./helpers/store-backends.js";
import { tempDir } from "./helpers/store-fixtures.js";
import { expectedTotals } from "./helpers/store-worker-plan.js";

const WORKERS = 4;
const PER_WORKER = 40;
const WORKER_SCRIPT = join(import.meta.dirname, "helpers", "store-worker.ts");
const MIGRATE_SCRIPT = join(import.meta.dirname, "helpers", "migrate-worker.ts");

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function runWorker(args: string[], script = WORKER_SCRIPT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("many worker processes on one database file", () => {
  it("concurrent writers end with exact rows, exact counters, a verifying audit chain and no SQLITE_BUSY", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const url = `file:${tmp.dir}/shared.db`;
    const barrierDir = join(tmp.dir, "barrier");
    mkdirSync(barrierDir);

    // The file does not exist yet: the workers also race to create and migrate it.
    const results = await Promise.all(
      Array.from({ length: WORKERS }, (_, w) => runWorker([url, barrierDir, String(w), String(WORKERS), String(PER_WORKER)])),
    );

    for (const result of results) {
      expect(result.stderr).not.toMatch(/SQLITE_BUSY|database is locked/);
      expect(result, result.stderr).toMatchObject({ code: 0 });
    }
    // The workers really wrote at the same time: every one started before any finished.
    const spans = results.map((r) => JSON.parse(r.stdout.trim()) as { start: number; end: number });
    expect(Math.max(...spans.map((s) => s.start))).toBeLessThan(Math.min(...spans.map((s) => s.end)));

    const store = createGateStore({ url });
    try {
      const expected = expectedTotals(WORKERS, PER_WORKER);
      expect(await store.listVerdicts({ limit: 10_000 })).toHaveLength(WORKERS * PER_WORKER);
      // The six cells are exact; the rejected-pass mark depends on the workers' interleaving.
      const { passesAtLastReject: _mark, ...cells } = await store.getCounts("outreach:first_touch", "pk-1", 0);
      expect(cells).toEqual(expected.counts);
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: expected.auditEntries, headSigned: false });
    } finally {
      store.close();
    }
  }, 60_000);

  it("six processes that open one fresh file at the same moment all migrate it", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    // Two fresh files in turn: the race is over who creates the tables first.
    for (let round = 0; round < 2; round++) {
      const url = `file:${tmp.dir}/fresh-${round}.db`;
      const barrierDir = join(tmp.dir, `barrier-${round}`);
      mkdirSync(barrierDir);
      const results = await Promise.all(Array.from({ length: 6 }, (_, w) => runWorker([url, barrierDir, String(w), "6"], MIGRATE_SCRIPT)));
      for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
      const store = createGateStore({ url, autoMigrate: false });
      try {
        expect(await store.listScopes()).toEqual([]);
      } finally {
        store.close();
      }
    }
  }, 120_000);
});

const PG_WORKERS = 8;

describe.skipIf(PG_URL === undefined || PG_URL === "")("many worker processes on one PostgreSQL database", () => {
  it("8 concurrent writers end with exact rows, counters equal to a recount, an intact audit chain and no surfaced serialization or deadlock error", async () => {
    const url = PG_URL as string;
    const schema = freshSchemaName("writers");
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const barrierDir = join(tmp.dir, "barrier");
    mkdirSync(barrierDir);
    try {
      // The schema does not exist yet: the workers also race to create and migrate it.
      const results = await Promise.all(
        Array.from({ length: PG_WORKERS }, (_, w) => runWorker([url, barrierDir, String(w), String(PG_WORKERS), String(PER_WORKER), schema])),
      );
      for (const result of results) {
        expect(result.stderr).not.toMatch(/40001|40P01|deadlock|could not serialize/i);
        expect(result, result.stderr).toMatchObject({ code: 0 });
      }
      const spans = results.map((r) => JSON.parse(r.stdout.trim()) as { start: number; end: number });
      expect(Math.max(...spans.map((s) => s.start))).toBeLessThan(Math.min(...spans.map((s) => s.end)));

      const store = createGateStore({ url, schema });
      try {
        const expected = expectedTotals(PG_WORKERS, PER_WORKER);
        expect(await store.listVerdicts({ limit: 10_000 })).toHaveLength(PG_WORKERS * PER_WORKER);
        const { passesAtLastReject: _mark, ...cells } = await store.getCounts("outreach:first_touch", "pk-1", 0);
        expect(cells).toEqual(expected.counts);
        expect(await store.recountCounts("outreach:first_touch", "pk-1", 0)).toEqual(expected.counts);
        expect(await store.verifyAudit()).toEqual({ ok: true, checked: expected.auditEntries, headSigned: false });
      } finally {
        store.close();
      }
    } finally {
      await dropSchemas(url, [schema]);
    }
  }, 120_000);
});
