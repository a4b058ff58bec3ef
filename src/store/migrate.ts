/**
 * Applying the checked-in drizzle migrations (`drizzle/sqlite/`, `drizzle/pg/`), programmatically
 * and from the CLI.
 */
import type { Client } from "@libsql/client";
import type { Deadline } from "./deadline.js";
import { findMigrationsFolder } from "./migrations-folder.js";
import { isPostgresUrl, type PgPoolLike } from "./pg/pool.js";
import { openClient } from "./sqlite/client.js";
import { applyMigrations, migrateAttempts } from "./sqlite/migrate-steps.js";
import type { ConnectionTarget } from "./target.js";

export { findMigrationsFolder, type MigrationDialect } from "./migrations-folder.js";

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /**
   * Folder holding the drizzle migrations (`meta/_journal.json` and the `.sql` files).
   * @default the package's `drizzle/sqlite/` or `drizzle/pg/` folder, by the target's kind
   */
  migrationsFolder?: string;
  /** Stop retrying a migration that races another process once this passes. */
  deadline?: Deadline;
  /** PostgreSQL only: the schema to create the tables in. @default the connection's default schema */
  schema?: string;
}

/**
 * An open `@libsql/client` client, described structurally so that the public types do not pull in
 * libSQL's: pass the `Client` from `createClient()`.
 */
export interface LibsqlClientLike {
  execute: (...args: never[]) => Promise<unknown>;
  close: () => void;
}

/**
 * Applies pending migrations to a database, given as a URL (`file:path.db`, a libSQL server URL,
 * `postgres://…`), `{ url, authToken }` for a libSQL server / Turso, an open libSQL client, or the
 * host's `pg.Pool` (`{ pool }`). Safe to run from many processes at once; already-applied
 * migrations are skipped.
 */
export async function migrate(target: LibsqlClientLike | string | ConnectionTarget | { pool: PgPoolLike }, options: MigrateOptions = {}): Promise<void> {
  if (typeof target === "string" ? isPostgresUrl(target) : "pool" in target) {
    const { migratePostgres } = await import("./pg/migrate.js");
    await migratePostgres(typeof target === "string" ? { url: target } : (target as { pool: PgPoolLike }), options);
    return;
  }
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder("sqlite");
  if (typeof target !== "string" && "execute" in target) {
    // The caller's client: retried on it as it is (its connections are the caller's to manage).
    await migrateAttempts(() => applyMigrations(target as unknown as Client, migrationsFolder), options.deadline);
    return;
  }
  const connection = typeof target === "string" ? { url: target } : (target as ConnectionTarget);
  // A fresh client per attempt: a statement that lost the race can pin its connection (see
  // sqlite/client.ts), and a retry on that connection would fail the same way.
  await migrateAttempts(async () => {
    const client = await openClient(connection);
    try {
      await applyMigrations(client, migrationsFolder);
    } finally {
      client.close();
    }
  }, options.deadline);
}
