import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { GateConfigError } from "../src/errors.js";
import { BUSY_TIMEOUT_MS, localFilePath, openClient } from "../src/store/sqlite/client.js";
import { createGateStore, DEFAULT_STORE_URL } from "../src/store/create-gate-store.js";
import { describeDbError } from "../src/store/describe-error.js";
import { findMigrationsFolder, migrate } from "../src/store/migrate.js";
import type { GateStore } from "../src/store/types.js";
import { makeVerdict, memoryStore, tempDir } from "./helpers/store-fixtures.js";

let store: GateStore | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  store?.close();
  cleanup?.();
  store = undefined;
  cleanup = undefined;
});

function tmp(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
}

async function tableNames(url: string): Promise<string[]> {
  const raw = createClient({ url });
  try {
    const result = await raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    return result.rows.map((r) => String(r.name));
  } finally {
    raw.close();
  }
}

describe("connecting", () => {
  it("defaults to the file autonomy-gate.db", () => {
    expect(createGateStore().url).toBe(DEFAULT_STORE_URL);
    expect(DEFAULT_STORE_URL).toBe("file:autonomy-gate.db");
  });

  it("creating a store touches nothing; the first call creates and migrates the file, folders included", async () => {
    const dir = tmp();
    const file = join(dir, "nested", "x.db");
    store = createGateStore({ url: `file:${file}` });
    expect(existsSync(file)).toBe(false);
    expect(await store.getKillSwitch()).toBe(false);
    expect(existsSync(file)).toBe(true);
    expect(await tableNames(`file:${file}`)).toEqual(
      expect.arrayContaining(["agreement_counters", "audit_log", "scopes", "settings", "verdicts"]),
    );
  });

  it("a file database is switched to WAL and every connection waits on locks", async () => {
    const url = `file:${tmp()}/wal.db`;
    const client = await openClient({ url });
    try {
      expect((await client.execute("PRAGMA journal_mode")).rows[0]?.[0]).toBe("wal");
      expect((await client.execute("PRAGMA busy_timeout")).rows[0]?.[0]).toBe(BUSY_TIMEOUT_MS);
      const tx = await client.transaction("write");
      expect((await tx.execute("PRAGMA busy_timeout")).rows[0]?.[0]).toBe(BUSY_TIMEOUT_MS);
      await tx.rollback();
    } finally {
      client.close();
    }
  });

  it("concurrent first calls on a fresh file all succeed", async () => {
    store = createGateStore({ url: `file:${tmp()}/race.db` });
    const ids = Array.from({ length: 10 }, (_, i) => `v-${i}`);
    const saved = await Promise.all(ids.map((id) => store!.saveVerdict(makeVerdict({ id }))));
    expect(saved.every((s) => s.inserted)).toBe(true);
    expect(await store.listVerdicts({})).toHaveLength(10);
  });

  it(":memory: keeps its data across calls and survives interleaved transactions and reads", async () => {
    store = memoryStore();
    const ids = Array.from({ length: 20 }, (_, i) => `m-${i}`);
    await Promise.all(
      ids.map(async (id) => {
        await store!.saveVerdict(makeVerdict({ id }));
        await Promise.all([store!.recordDecision(id, { type: "approve" }), store!.getCounts("outreach:first_touch", "pk-1", 0)]);
      }),
    );
    expect((await store.getCounts("outreach:first_touch", "pk-1", 0)).passApprove).toBe(20);
    // One `verdict` and one `decision` entry per verdict.
    expect(await store.verifyAudit()).toEqual({ ok: true, checked: 40, headSigned: false });
  });

  it("two :memory: stores are separate databases", async () => {
    store = memoryStore();
    const other = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "only-here" }));
    expect(await other.getVerdict("only-here")).toBeNull();
    other.close();
  });

  it("with autoMigrate off, the schema appears only after migrate()", async () => {
    store = memoryStore({ autoMigrate: false });
    await expect(store.getKillSwitch()).rejects.toMatchObject({ cause: { message: expect.stringMatching(/no such table/) } });
    await store.migrate();
    expect(await store.getKillSwitch()).toBe(false);
  });

  it("a closed store refuses further calls", async () => {
    store = memoryStore();
    await store.getKillSwitch();
    store.close();
    await expect(store.getKillSwitch()).rejects.toThrow(/closed/);
  });

  it("a libSQL server URL and auth token pass through to the server", async () => {
    const seen: Array<string | undefined> = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      store = createGateStore({ url: `http://127.0.0.1:${port}`, authToken: "secret-token", autoMigrate: false });
      await expect(store.getKillSwitch()).rejects.toThrow();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((auth) => auth === "Bearer secret-token")).toBe(true);
    } finally {
      server.close();
    }
  });

  it("invalid options throw a GateConfigError naming the option", () => {
    expect(() => createGateStore({ url: "mysql://db" })).toThrow(GateConfigError);
    expect(() => createGateStore({ url: "mysql://db" })).toThrow(/`url`.*mysql:\/\/db.*:memory:.*postgres:\/\//);
    expect(() => createGateStore({ url: "file:a.db", schema: "gate" })).toThrow(/`schema`/);
    expect(() => createGateStore({ url: "postgres://db", schema: "Robert'); drop" })).toThrow(/`schema`/);
    expect(() => createGateStore({ autoMigrate: "yes" as unknown as boolean })).toThrow(/`autoMigrate`/);
  });

  it("PostgreSQL's unknown database, refused login and dropped connection read as an unreachable database", () => {
    for (const [code, message] of [["3D000", 'database "none" does not exist'], ["28P01", "password authentication failed"], ["57P01", "terminating connection due to administrator command"]]) {
      expect(describeDbError(new Error("Failed query: select 1", { cause: Object.assign(new Error(message), { code }) }))).toMatchObject({ code, connection: true });
    }
    expect(describeDbError(Object.assign(new Error('relation "x" does not exist'), { code: "42P01" })).connection).toBe(false);
  });

  it("reads the path of file URLs in their usual spellings", () => {
    expect(localFilePath("file:autonomy-gate.db")).toBe("autonomy-gate.db");
    expect(localFilePath("file:/tmp/a.db")).toBe("/tmp/a.db");
    expect(localFilePath("file:///tmp/a%20b.db")).toBe("/tmp/a b.db");
    expect(localFilePath(":memory:")).toBeNull();
    expect(localFilePath("libsql://db.turso.io")).toBeNull();
  });
});

describe("migrate()", () => {
  it("applies the migrations to a URL and is a no-op the second time", async () => {
    const url = `file:${tmp()}/m.db`;
    await migrate(url);
    await migrate(url);
    expect(await tableNames(url)).toEqual(
      expect.arrayContaining(["__drizzle_migrations", "agreement_counters", "audit_log", "scopes", "settings", "verdicts"]),
    );
    const raw = createClient({ url });
    const journal = JSON.parse(readFileSync(join(import.meta.dirname, "..", "drizzle", "sqlite", "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    expect((await raw.execute("SELECT count(*) FROM __drizzle_migrations")).rows[0]?.[0]).toBe(journal.entries.length);
    raw.close();
  });

  it("finds the migrations folder from the compiled location too", () => {
    const root = join(import.meta.dirname, "..");
    const fromDist = pathToFileURL(join(root, "dist", "src", "store", "migrate.js")).href;
    expect(findMigrationsFolder("sqlite", fromDist)).toBe(join(root, "drizzle", "sqlite"));
    expect(findMigrationsFolder("pg", fromDist)).toBe(join(root, "drizzle", "pg"));
  });

  it("never looks above the package root for migrations", () => {
    const dir = tmp();
    writeFileSync(join(dir, "package.json"), "{}");
    expect(() => findMigrationsFolder("sqlite", join(dir, "src", "store", "migrate.js"))).toThrow(/migrations not found/);
  });
});
