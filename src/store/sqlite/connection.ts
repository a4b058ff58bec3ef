/**
 * The libSQL backend's connection (local file, `:memory:`, libSQL server) and its two ways in:
 * `read` and `write`. Connecting (and migrating) is lazy and happens once, even under concurrent
 * first calls; a failed or hung attempt is dropped so a later call connects afresh.
 *
 * Every call has a deadline (`timeoutMs`) covering its wait in the queue, connecting, migrating,
 * lock waits (asynchronous retries, ./busy.ts) and the statements themselves. Past it the call
 * rejects with StoreUnavailableError, and a write transaction still running refuses to commit, so
 * a late answer from the database cannot change what the caller already acted on.
 *
 * Write transactions are serialized inside the process (other processes are held off by SQLite's
 * lock: libSQL opens `transaction()` with BEGIN IMMEDIATE). A `:memory:` database lives on a
 * single connection that a transaction holds exclusively, so there reads take the same queue.
 */
import { statSync } from "node:fs";
import type { Client } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { AutonomyGateError, StoreUnavailableError } from "../../errors.js";
import { newAuditSession } from "../audit-head.js";
import { wrapConnectionError, type Connection, type ConnectionSettings } from "../context.js";
import { DeadlineExceeded, deadlineIn, raceDeadline, type Deadline } from "../deadline.js";
import type { Executor } from "../executor.js";
import { findMigrationsFolder } from "../migrations-folder.js";
import { bindDialect, type DialectOps } from "../tables.js";
import { writeBody } from "../write-body.js";
import { withBusyRetry } from "./busy.js";
import { isMemoryUrl, localFilePath, openClient, openLocalConnection, type ConnectionTarget } from "./client.js";
import { applyMigrations, migrateAttempts } from "./migrate-steps.js";
import * as schema from "./schema.js";

/** SQLite's side of the shared queries: its tables; no locks (a write transaction holds the file). */
export const SQLITE_DIALECT: DialectOps = {
  name: "sqlite",
  tables: schema,
  lock: () => Promise.resolve(),
  forUpdate: (query) => query,
  eachJsonElement: (table, column) => sql`${table}, json_each(${column}) as j`,
};

export interface ConnectionOptions extends ConnectionTarget, ConnectionSettings {}

function bound(db: Executor): Executor {
  bindDialect(db, SQLITE_DIALECT);
  return db;
}

/** The shared queries' handle on an open libSQL client (for tests that inspect a query's plan). */
export function sqliteDatabase(client: Client): Executor {
  return bound(drizzle(client));
}

interface Handle {
  client: Client;
  db: Executor;
}

export function createSqliteConnection(options: ConnectionOptions): Connection {
  const serializeReads = isMemoryUrl(options.url);
  const filePath = localFilePath(options.url);
  const localFile = filePath !== null;
  // The file this store opened (device and inode): a deleted or replaced file is refused.
  let identity: FileIdentity | null = null;
  let opened: Promise<Handle> | null = null;
  // A local file's writes (and migrations) run on their own connection: see openLocalConnection.
  let writer: Handle | null = null;
  let migrated: Promise<void> | null = null;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  // Shared by this connection's write transactions: the audit key and the head written last.
  const audit = newAuditSession(options.auditKey);

  /** Migrates once per connection; each attempt on a connection of its own (see migrate-steps.ts). */
  function migrateOnce(main: Handle, deadline: Deadline): Promise<void> {
    migrated ??= migrateAttempts(async () => {
      if (filePath === null) return applyMigrations(main.client, findMigrationsFolder("sqlite"));
      // A local file migrates on a connection of its own, thrown away after each attempt.
      const client = openLocalConnection(filePath);
      try {
        await applyMigrations(client, findMigrationsFolder("sqlite"));
      } finally {
        client.close();
      }
    }, deadline).catch((error: unknown) => {
      migrated = null;
      throw error;
    });
    return migrated;
  }

  function writerFor(main: Handle): Handle {
    if (filePath === null) return main;
    if (writer === null) {
      const client = openLocalConnection(filePath);
      writer = { client, db: bound(drizzle(client)) };
    }
    return writer;
  }

  /** Throws the writer connection away (it may hold a stale snapshot); the next write opens a new one. */
  function dropWriter(): void {
    if (!localFile || writer === null) return;
    writer.client.close();
    writer = null;
  }

  function connect(deadline: Deadline): Promise<Handle> {
    if (closed) return Promise.reject(new AutonomyGateError("The gate store is closed."));
    if (opened !== null) return opened;
    const attempt: Promise<Handle> = (async () => {
      const client = await openClient(options, deadline);
      if (filePath !== null) identity = fileIdentity(filePath);
      const main = { client, db: bound(drizzle(client)) };
      try {
        if (options.autoMigrate) await raceDeadline(migrateOnce(main, deadline), deadline, options.timeoutMs);
      } catch (error) {
        client.close();
        throw error;
      }
      return main;
    })();
    opened = attempt;
    // A failed first use (unreachable server, bad path) may succeed later: do not cache it.
    attempt.catch(() => {
      if (opened === attempt) opened = null;
    });
    return attempt;
  }

  /** Runs `work` under a fresh deadline; a timeout drops a connection attempt still pending. */
  async function bounded<T>(work: (deadline: Deadline) => Promise<T>): Promise<T> {
    const deadline = deadlineIn(options.timeoutMs);
    const pendingConnect = opened;
    try {
      return await raceDeadline(work(deadline), deadline, options.timeoutMs);
    } catch (error) {
      if (error instanceof DeadlineExceeded) {
        // A hung connect or migration must not hold every later call: the next call starts over.
        if (opened !== null && (opened === pendingConnect || pendingConnect === null)) {
          const stale = opened;
          opened = null;
          migrated = null;
          void stale.then(({ client }) => client.close()).catch(() => undefined);
        }
        throw new StoreUnavailableError(options.url, `no answer within ${options.timeoutMs} ms`, { cause: error });
      }
      throw wrapConnectionError(error, options.url);
    }
  }

  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = queue.then(fn);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    now: options.now,
    read(fn) {
      if (serializeReads) return bounded((deadline) => exclusive(() => withBusyRetry(async () => fn((await connect(deadline)).db), { deadline })));
      return bounded((deadline) => withBusyRetry(async () => fn((await connect(deadline)).db), { deadline }));
    },
    write(fn) {
      return bounded((deadline) => {
        // The queue slot is released at the deadline too, so a hung transaction cannot hold it.
        const slot = exclusive(() =>
          raceDeadline(
            withBusyRetry(
              async () => {
                const { db } = writerFor(await connect(deadline));
                if (filePath !== null) checkIdentity(filePath, identity, options.url);
                try {
                  return await db.transaction((tx) => writeBody(tx, SQLITE_DIALECT, audit, deadline, fn));
                } catch (error) {
                  dropWriter();
                  throw error;
                }
              },
              { deadline },
            ),
            deadline,
            options.timeoutMs,
          ),
        );
        return slot;
      });
    },
    async migrate() {
      await bounded(async (deadline) => {
        await migrateOnce(await connect(deadline), deadline);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      dropWriter();
      void opened?.then(({ client }) => client.close()).catch(() => undefined);
    },
  };
}

interface FileIdentity {
  dev: number;
  ino: number;
}

function fileIdentity(path: string): FileIdentity | null {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return null;
  }
}

/**
 * The file is the file: writing after the database file was deleted or replaced would go into an
 * orphan no other process sees, so the store refuses (and the gate fails open to a human).
 */
function checkIdentity(path: string, opened: FileIdentity | null, url: string): void {
  const now = fileIdentity(path);
  if (opened === null || now === null || now.dev !== opened.dev || now.ino !== opened.ino) {
    throw new StoreUnavailableError(url, now === null ? "the database file was deleted while the store was open" : "the database file was replaced while the store was open");
  }
}
