import { join } from "node:path";
import { createClient, LibsqlError, type Client, type InValue } from "@libsql/client";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { LocalClient } from "../src/store/sqlite/local-client.js";
import { tempDir } from "./helpers/store-fixtures.js";

const open: Array<{ close(): void }> = [];
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const client of open.splice(0)) client.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dbPath(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, "local.db");
}

function local(path: string): LocalClient {
  const client = new LocalClient(path, { timeout: 0 });
  open.push(client);
  return client;
}

function reference(path: string): Client {
  const client = createClient({ url: `file:${path}`, timeout: 0 });
  open.push(client);
  return client;
}

/** What a result set says, in plain values (rows by index and by name). */
function plain(result: { columns: string[]; rows: ArrayLike<unknown>[]; rowsAffected: number }) {
  return {
    columns: result.columns,
    rows: result.rows.map((row) => ({ byIndex: Array.from(row), byName: { ...row } })),
    rowsAffected: result.rowsAffected,
  };
}

/** Two connections to one fresh WAL file holding an empty table `t (x)`. */
async function walPair(): Promise<[LocalClient, LocalClient]> {
  const path = dbPath();
  const first = local(path);
  await first.execute("PRAGMA journal_mode=WAL");
  await first.execute("CREATE TABLE t (x)");
  return [first, local(path)];
}

describe("the local libSQL client", () => {
  it("returns rows, values and counts as @libsql/client does", async () => {
    const path = dbPath();
    const mine = local(path);
    await mine.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, r REAL, s TEXT, b BLOB, z)");
    const ref = reference(path);
    const args: InValue[] = [7, 2.5, "é ☃", new Uint8Array([1, 2, 3]), true];
    const insertMine = await mine.execute({ sql: "INSERT INTO t (n, r, s, b, z) VALUES (?, ?, ?, ?, ?)", args });
    const insertRef = await ref.execute({ sql: "INSERT INTO t (n, r, s, b, z) VALUES (?, ?, ?, ?, ?)", args });
    expect(insertMine.rowsAffected).toBe(insertRef.rowsAffected);
    expect(insertMine.lastInsertRowid).toBe(1n);
    expect(insertRef.lastInsertRowid).toBe(2n);
    const query = "SELECT n, r, s, b, z, NULL AS missing, n AS n FROM t ORDER BY id";
    expect(plain(await mine.execute(query))).toEqual(plain(await ref.execute(query)));
  });

  it("binds named arguments with any of SQLite's prefixes", async () => {
    const mine = local(dbPath());
    const result = await mine.execute({ sql: "SELECT :a + @b + $c AS total", args: { ":a": 1, "@b": 2, c: 3 } });
    expect(result.rows[0]?.total).toBe(6);
  });

  it("refuses what @libsql/client refuses: undefined, non-finite numbers, integers beyond 2^53 on the way out", async () => {
    const mine = local(dbPath());
    await expect(mine.execute({ sql: "SELECT ?", args: [undefined as unknown as InValue] })).rejects.toThrow(TypeError);
    await expect(mine.execute({ sql: "SELECT ?", args: [Number.NaN] })).rejects.toThrow(RangeError);
    await expect(mine.execute("SELECT 9007199254740993")).rejects.toThrow(RangeError);
    await expect(mine.execute({ sql: "SELECT ? AS big", args: [9007199254740993n] })).rejects.toThrow(RangeError);
    expect((await mine.execute({ sql: "SELECT ? AS small", args: [42n] })).rows[0]?.small).toBe(42);
  });

  it("reports SQLite errors with @libsql/client's codes", async () => {
    const path = dbPath();
    const mine = local(path);
    await mine.execute("CREATE TABLE t (id TEXT PRIMARY KEY)");
    await mine.execute({ sql: "INSERT INTO t VALUES (?)", args: ["a"] });
    const error = await mine.execute({ sql: "INSERT INTO t VALUES (?)", args: ["a"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect(error).toMatchObject({ code: "SQLITE_CONSTRAINT", extendedCode: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    const refError = await reference(path)
      .execute({ sql: "INSERT INTO t VALUES (?)", args: ["a"] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: (refError as LibsqlError).code, extendedCode: (refError as LibsqlError).extendedCode, rawCode: (refError as LibsqlError).rawCode });
  });

  it("answers SQLITE_BUSY at once while another connection holds the write lock, and writes once it is free", async () => {
    const [mine, other] = await walPair();
    const holder = await other.transaction("write");
    await holder.execute("INSERT INTO t VALUES (1)");
    await expect(mine.transaction("write")).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    await holder.commit();
    const tx = await mine.transaction("write");
    await tx.execute("INSERT INTO t VALUES (2)");
    await tx.commit();
    expect((await other.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(2);
  });

  it("a statement it keeps sees what another connection committed after its last use", async () => {
    const [mine, writer] = await walPair();
    const count = async () => (await mine.execute("SELECT count(*) AS n FROM t")).rows[0]?.n;
    expect(await count()).toBe(0);
    await writer.execute("INSERT INTO t VALUES (1)");
    expect(await count()).toBe(1);
    await writer.execute("INSERT INTO t VALUES (2)");
    expect(await count()).toBe(2);
    // Nor does a kept statement hold a read snapshot open: the writer can checkpoint everything.
    const checkpoint = await writer.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    expect(Array.from(checkpoint.rows[0] ?? [])[0]).toBe(0);
  });

  it("a rolled-back transaction leaves nothing, a committed one everything", async () => {
    const mine = local(dbPath());
    await mine.execute("CREATE TABLE t (x)");
    const rolled = await mine.transaction("write");
    await rolled.execute("INSERT INTO t VALUES (1)");
    await rolled.rollback();
    expect(rolled.closed).toBe(true);
    await expect(rolled.execute("SELECT 1")).rejects.toMatchObject({ code: "TRANSACTION_CLOSED" });
    const committed = await mine.transaction("write");
    await committed.execute("INSERT INTO t VALUES (2)");
    await committed.commit();
    expect((await mine.execute("SELECT x FROM t")).rows.map((row) => row.x)).toEqual([2]);
  });

  it("a batch is all or nothing", async () => {
    const mine = local(dbPath());
    await mine.execute("CREATE TABLE t (x PRIMARY KEY)");
    await expect(mine.batch(["INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (1)"], "write")).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(mine.inTransaction).toBe(false);
    expect((await mine.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(0);
  });

  it("after a failed statement the next use works, in or out of a transaction", async () => {
    const mine = local(dbPath());
    await mine.execute("CREATE TABLE t (x PRIMARY KEY)");
    const insert = { sql: "INSERT INTO t VALUES (?)", args: [1] };
    await mine.execute(insert);
    await expect(mine.execute(insert)).rejects.toBeInstanceOf(LibsqlError);
    await mine.execute({ sql: insert.sql, args: [2] });
    const tx = await mine.transaction("write");
    await tx.execute({ sql: insert.sql, args: [3] });
    await expect(tx.execute(insert)).rejects.toBeInstanceOf(LibsqlError);
    await tx.rollback();
    const again = await mine.transaction("write");
    await again.execute({ sql: insert.sql, args: [4] });
    await again.commit();
    expect((await mine.execute("SELECT x FROM t ORDER BY x")).rows.map((row) => row.x)).toEqual([1, 2, 4]);
  });

  it("a COMMIT that fails leaves the transaction open for its rollback, and the next transaction starts clean", async () => {
    const mine = local(dbPath());
    await mine.executeMultiple(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; CREATE TABLE p (id PRIMARY KEY); CREATE TABLE c (pid REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED);",
    );
    const tx = await mine.transaction("write");
    await tx.execute("INSERT INTO c VALUES (1)");
    await expect(tx.commit()).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(tx.closed).toBe(false);
    await tx.rollback();
    expect(mine.inTransaction).toBe(false);
    const next = await mine.transaction("write");
    await next.execute("INSERT INTO p VALUES (1)");
    await next.commit();
    expect((await mine.execute("SELECT count(*) AS n FROM c")).rows[0]?.n).toBe(0);
    expect((await mine.execute("SELECT count(*) AS n FROM p")).rows[0]?.n).toBe(1);
  });

  it("runs a script of several statements, semicolons inside literals included", async () => {
    const mine = local(dbPath());
    await mine.executeMultiple("CREATE TABLE t (s TEXT); INSERT INTO t VALUES ('a;b'); INSERT INTO t VALUES ('c');");
    const tx = await mine.transaction("write");
    await tx.executeMultiple("INSERT INTO t VALUES ('d;e'); INSERT INTO t VALUES ('f')");
    await tx.commit();
    expect((await mine.execute("SELECT s FROM t ORDER BY rowid")).rows.map((row) => row.s)).toEqual(["a;b", "c", "d;e", "f"]);
  });

  it("a closed client refuses work", async () => {
    const mine = local(dbPath());
    mine.close();
    expect(mine.closed).toBe(true);
    await expect(mine.execute("SELECT 1")).rejects.toMatchObject({ code: "CLIENT_CLOSED" });
  });

  it("any value written reads back as @libsql/client reads it (property)", async () => {
    const path = dbPath();
    const mine = local(path);
    await mine.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v)");
    const ref = reference(path);
    const value = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string(),
      fc.boolean(),
      fc.uint8Array({ maxLength: 16 }),
    );
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const { lastInsertRowid } = await mine.execute({ sql: "INSERT INTO t (v) VALUES (?)", args: [v] });
        const query = { sql: "SELECT v, typeof(v) AS type FROM t WHERE id = ?", args: [lastInsertRowid as bigint] };
        expect(plain(await mine.execute(query))).toEqual(plain(await ref.execute(query)));
      }),
      { numRuns: 150 },
    );
  });
});
