/** `migrate()` for PostgreSQL: by URL on a pool of its own, or on the host's pool. */
import type { Pool } from "pg";
import { findMigrationsFolder } from "../migrations-folder.js";
import { applyPgMigrations } from "./migrate-steps.js";
import type { PgPoolLike } from "./pool.js";

export async function migratePostgres(target: { url: string } | { pool: PgPoolLike }, options: { migrationsFolder?: string; schema?: string }): Promise<void> {
  const folder = options.migrationsFolder ?? findMigrationsFolder("pg");
  let pool: Pool;
  if ("pool" in target) pool = target.pool as unknown as Pool;
  else {
    const { default: pg } = await import("pg");
    pool = new pg.Pool({ connectionString: target.url, max: 1 });
    pool.on("error", () => undefined);
  }
  try {
    const client = await pool.connect();
    try {
      await applyPgMigrations(client, options.schema, folder);
    } finally {
      client.release();
    }
  } finally {
    if (!("pool" in target)) await pool.end();
  }
}
