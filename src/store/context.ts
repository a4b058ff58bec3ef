/**
 * The store's connection and its two ways in: `read` and `write`. Connecting (and migrating) is
 * lazy and happens exactly once, even under concurrent first calls.
 *
 * Write transactions are serialized inside the process (other processes are held off by SQLite's
 * lock: libSQL opens `transaction()` with BEGIN IMMEDIATE) and retried on lock errors. A
 * `:memory:` database lives on a single connection that a transaction holds exclusively, so there
 * reads take the same queue.
 */
import type { Client, ResultSet } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { AutonomyGateError } from "../errors.js";
import { isMemoryUrl, openClient, type ConnectionTarget } from "./connection.js";
import { migrate } from "./migrate.js";
import { withBusyRetry } from "./retry.js";

/** The database or an open transaction: both run the same drizzle queries. */
export type Executor = BaseSQLiteDatabase<"async", ResultSet>;

/** What the store's query modules receive. */
export interface StoreContext {
  now(): Date;
  /** Runs reads (autocommit statements). */
  read<T>(fn: (db: Executor) => Promise<T>): Promise<T>;
  /** Runs `fn` in one write transaction; `fn` may be re-run on lock contention, so it must only touch the database. */
  write<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
}

export interface Connection extends StoreContext {
  migrate(): Promise<void>;
  close(): void;
}

export interface ConnectionOptions extends ConnectionTarget {
  autoMigrate: boolean;
  now: () => Date;
}

export function createConnection(options: ConnectionOptions): Connection {
  const serializeReads = isMemoryUrl(options.url);
  let opened: Promise<{ client: Client; db: Executor }> | null = null;
  let migrated: Promise<void> | null = null;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  function migrateOnce(client: Client): Promise<void> {
    migrated ??= migrate(client).catch((error: unknown) => {
      migrated = null;
      throw error;
    });
    return migrated;
  }

  function connect(): Promise<{ client: Client; db: Executor }> {
    if (closed) return Promise.reject(new AutonomyGateError("The gate store is closed."));
    opened ??= (async () => {
      const client = await openClient(options);
      try {
        if (options.autoMigrate) await migrateOnce(client);
      } catch (error) {
        client.close();
        throw error;
      }
      return { client, db: drizzle(client) };
    })().catch((error: unknown) => {
      // A failed first use (unreachable server, bad path) may succeed later: do not cache it.
      opened = null;
      throw error;
    });
    return opened;
  }

  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = queue.then(fn);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    now: options.now,
    read(fn) {
      const run = () => withBusyRetry(async () => fn((await connect()).db));
      return serializeReads ? exclusive(run) : run();
    },
    write(fn) {
      return exclusive(() => withBusyRetry(async () => (await connect()).db.transaction((tx) => fn(tx))));
    },
    async migrate() {
      await migrateOnce((await connect()).client);
    },
    close() {
      if (closed) return;
      closed = true;
      void opened?.then(({ client }) => client.close()).catch(() => undefined);
    },
  };
}
