/**
 * The store's connection and its two ways in: `read` and `write`. Connecting (and migrating) is
 * lazy and happens once, even under concurrent first calls; a failed or hung attempt is dropped so
 * a later call connects afresh.
 *
 * Every call has a deadline (`timeoutMs`) covering its wait in the queue, connecting, migrating,
 * lock waits (asynchronous retries, ./retry.ts) and the statements themselves. Past it the call
 * rejects with StoreUnavailableError, and a write transaction still running refuses to commit, so
 * a late answer from the database cannot change what the caller already acted on.
 *
 * Write transactions are serialized inside the process (other processes are held off by SQLite's
 * lock: libSQL opens `transaction()` with BEGIN IMMEDIATE). A `:memory:` database lives on a
 * single connection that a transaction holds exclusively, so there reads take the same queue.
 */
import { statSync } from "node:fs";
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { AutonomyGateError, StoreUnavailableError } from "../errors.js";
import { bindAuditSession, newAuditSession } from "./audit-head.js";
import { isMemoryUrl, localFilePath, openClient, openLocalWriter, type ConnectionTarget } from "./connection.js";
import { DeadlineExceeded, deadlineIn, raceDeadline, type Deadline } from "./deadline.js";
import { describeDbError } from "./describe-error.js";
import type { Executor } from "./executor.js";
import { findMigrationsFolder } from "./migrate.js";
import { applyMigrations, migrateAttempts } from "./migrate-steps.js";
import { withBusyRetry } from "./retry.js";

export type { Executor };

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
  /** The deadline of each call, in milliseconds. */
  timeoutMs: number;
  /** The key the audit head is signed with (see audit-head.ts); null for none. */
  auditKey: string | null;
}

/** Thrown inside a transaction whose call already timed out: rolls it back. */
class LateCommit extends AutonomyGateError {
  override name = "LateCommit";
}

interface Handle {
  client: Client;
  db: Executor;
}

export function createConnection(options: ConnectionOptions): Connection {
  const serializeReads = isMemoryUrl(options.url);
  const filePath = localFilePath(options.url);
  const localFile = filePath !== null;
  // The file this store opened (device and inode): a deleted or replaced file is refused.
  let identity: FileIdentity | null = null;
  let opened: Promise<Handle> | null = null;
  // A local file's writes (and migrations) run on their own connection: see openLocalWriter.
  let writer: Handle | null = null;
  let migrated: Promise<void> | null = null;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  // Shared by this connection's write transactions: the audit key and the head written last.
  const audit = newAuditSession(options.auditKey);

  /** Migrates once per connection; each attempt on a fresh writer connection (see migrate.ts). */
  function migrateOnce(main: Handle, deadline: Deadline): Promise<void> {
    migrated ??= migrateAttempts(async () => {
      try {
        await applyMigrations(writerFor(main).client, findMigrationsFolder());
      } catch (error) {
        dropWriter();
        throw error;
      }
    }, deadline).catch((error: unknown) => {
      migrated = null;
      throw error;
    });
    return migrated;
  }

  function writerFor(main: Handle): Handle {
    if (!localFile) return main;
    if (writer === null) {
      const client = openLocalWriter(options);
      writer = { client, db: drizzle(client) };
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
      const main = { client, db: drizzle(client) };
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
                  return await db.transaction(async (tx) => {
                    bindAuditSession(tx, audit);
                    const result = await fn(tx);
                    if (deadline.expired()) throw new LateCommit("the call timed out before commit; rolled back");
                    return result;
                  });
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

/** Connection-level failures (refused, unresolvable, unreadable file) become StoreUnavailableError. */
function wrapConnectionError(error: unknown, url: string): unknown {
  if (error instanceof AutonomyGateError) return error;
  const described = describeDbError(error);
  return described.connection ? new StoreUnavailableError(url, described.text, { cause: error }) : error;
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
