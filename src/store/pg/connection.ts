/**
 * The PostgreSQL backend's connection: a `pg` pool (the store's own, from a `postgres://` URL, or
 * the host's), drizzle's node-postgres driver, and the shared queries over the PostgreSQL tables.
 *
 * Concurrency is PostgreSQL's: write transactions run at READ COMMITTED in parallel, from any
 * number of processes. What SQLite's single write lock gave for free is taken explicitly, as
 * row locks and transaction-scoped advisory locks named by what they guard (../tables.ts,
 * DialectOps): a verdict being decided, a scope's state and its competence row, the kill switch,
 * and the audit chain's head row, which every write appends to last and holds only from there to
 * its commit. Serialization
 * failures and deadlocks are retried until the call's deadline. `pg` and its drizzle driver are
 * loaded on first use, so libSQL users never load them.
 */
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Pool, PoolClient } from "pg";
import { AutonomyGateError, StoreUnavailableError } from "../../errors.js";
import { newAuditSession } from "../audit-head.js";
import { wrapConnectionError, type Connection, type ConnectionSettings } from "../context.js";
import { DeadlineExceeded, deadlineIn, raceDeadline, retryUntil, type Deadline } from "../deadline.js";
import type { Executor } from "../executor.js";
import { findMigrationsFolder } from "../migrations-folder.js";
import { bindDialect, type DialectOps, type Tables } from "../tables.js";
import { writeBody } from "../write-body.js";
import { isRetryablePgError } from "./errors.js";
import type { PgPoolLike } from "./pool.js";
import { pgTables } from "./schema.js";

export interface PgConnectionOptions extends ConnectionSettings {
  /** What `store.url` and errors show (the password redacted). */
  url: string;
  /** Where to connect when the store opens its own pool. */
  connectionString?: string;
  /** The host's pool: used as it is, and left open on close. */
  pool?: PgPoolLike;
  /** The PostgreSQL schema holding the tables; the connection's default schema when absent. */
  schema?: string;
}

/** Connections of a pool the store opens itself. */
const OWN_POOL_SIZE = 8;

interface Handle {
  pool: Pool;
  db: NodePgDatabase;
}

/** PostgreSQL's side of the shared queries: its tables, advisory locks, JSONB arrays. */
export function pgDialect(schema: string | undefined): DialectOps {
  const namespace = `autonomy-gate:${schema ?? ""}:`;
  return {
    name: "postgres",
    // Stand-ins for the reference tables; pg/schema.ts checks that their rows match.
    tables: pgTables(schema) as unknown as Tables,
    async lock(tx, key, mode) {
      const fn = sql.raw(mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock");
      await (tx as NodePgDatabase).execute(sql`select ${fn}(hashtextextended(${namespace + key}, 0))`);
    },
    forUpdate: (query) => (query as unknown as { for(strength: "update"): unknown }).for("update") as typeof query,
    eachJsonElement: (table, column) => sql`${table}, jsonb_array_elements_text(${column}) as j(value)`,
  };
}

export function createPgConnection(options: PgConnectionOptions): Connection {
  const dialect = pgDialect(options.schema);
  const audit = newAuditSession(options.auditKey);
  let opened: Promise<Handle> | null = null;
  let migrated: Promise<void> | null = null;
  let ownPool: Pool | null = null;
  let closed = false;

  async function openPool(): Promise<Pool> {
    if (options.pool !== undefined) return options.pool as unknown as Pool;
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: OWN_POOL_SIZE,
      connectionTimeoutMillis: options.timeoutMs,
      // A statement the server never answers frees its connection at the deadline.
      query_timeout: options.timeoutMs,
    });
    // An idle connection the server dropped must not crash the host: the next call reconnects.
    pool.on("error", () => undefined);
    ownPool = pool;
    return pool;
  }

  function migrateOnce(pool: Pool): Promise<void> {
    migrated ??= (async () => {
      const client: PoolClient = await pool.connect();
      try {
        const { applyPgMigrations } = await import("./migrate-steps.js");
        await applyPgMigrations(client, options.schema, findMigrationsFolder("pg"));
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      migrated = null;
      throw new AutonomyGateError(`Migrating the autonomy-gate database failed: ${(error as Error).message}`, { cause: error });
    });
    return migrated;
  }

  function connect(): Promise<Handle> {
    if (closed) return Promise.reject(new AutonomyGateError("The gate store is closed."));
    if (opened !== null) return opened;
    const attempt = (async () => {
      const pool = await openPool();
      const { drizzle } = await import("drizzle-orm/node-postgres");
      const db = drizzle(pool);
      bindDialect(db, dialect);
      if (options.autoMigrate) await migrateOnce(pool);
      return { pool, db };
    })();
    opened = attempt;
    attempt.catch(() => {
      if (opened === attempt) opened = null;
    });
    return attempt;
  }

  async function bounded<T>(work: (deadline: Deadline) => Promise<T>): Promise<T> {
    const deadline = deadlineIn(options.timeoutMs);
    try {
      return await raceDeadline(
        retryUntil(() => work(deadline), { deadline, retryable: isRetryablePgError }),
        deadline,
        options.timeoutMs,
      );
    } catch (error) {
      if (error instanceof DeadlineExceeded) {
        throw new StoreUnavailableError(options.url, `no answer within ${options.timeoutMs} ms`, { cause: error });
      }
      throw wrapConnectionError(error, options.url);
    }
  }

  return {
    now: options.now,
    read: (fn) => bounded(async () => fn((await connect()).db as unknown as Executor)),
    write: (fn) =>
      bounded(async (deadline) => {
        const { db } = await connect();
        return db.transaction((tx) => writeBody(tx as unknown as Executor, dialect, audit, deadline, fn));
      }),
    async migrate() {
      await bounded(async () => migrateOnce((await connect()).pool));
    },
    close() {
      if (closed) return;
      closed = true;
      const pool = ownPool;
      if (pool !== null) {
        void Promise.resolve(opened)
          .catch(() => undefined)
          .then(() => pool.end())
          .catch(() => undefined);
      }
    },
  };
}
