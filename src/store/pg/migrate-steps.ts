/**
 * Applying the PostgreSQL migrations (`drizzle/pg/`). One pooled connection migrates at a time
 * across every process (a session advisory lock), so concurrent first starts take turns and the
 * later ones find nothing left to do. With a schema the tables are created inside it.
 */
import type { PoolClient } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as drizzleMigrate } from "drizzle-orm/node-postgres/migrator";

/** The table (in the store's schema) that records which migrations ran. */
export const PG_MIGRATIONS_TABLE = "autonomy_gate_migrations";

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Applies every pending migration on `client`, a connection the caller owns. */
export async function applyPgMigrations(client: PoolClient, schema: string | undefined, migrationsFolder: string): Promise<void> {
  const lock = `autonomy-gate:migrate:${schema ?? ""}`;
  await client.query("select pg_advisory_lock(hashtextextended($1, 0))", [lock]);
  try {
    let target = schema;
    if (target === undefined) {
      const { rows } = await client.query<{ schema: string }>("select current_schema() as schema");
      target = rows[0]?.schema ?? "public";
    } else {
      await client.query(`create schema if not exists ${quoteIdent(target)}`);
      await client.query(`set search_path to ${quoteIdent(target)}`);
    }
    try {
      await drizzleMigrate(drizzle(client), { migrationsFolder, migrationsSchema: target, migrationsTable: PG_MIGRATIONS_TABLE });
    } finally {
      if (schema !== undefined) await client.query("reset search_path");
    }
  } finally {
    await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [lock]);
  }
}
