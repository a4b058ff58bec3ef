/**
 * Applying the checked-in drizzle migrations (`drizzle/`), programmatically and from the CLI.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate as drizzleMigrate } from "drizzle-orm/libsql/migrator";
import { AutonomyGateError } from "../errors.js";
import { openClient } from "./connection.js";
import type { Deadline } from "./deadline.js";
import { describeDbError } from "./describe-error.js";
import type { ConnectionTarget } from "./target.js";

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /**
   * Folder holding the drizzle migrations (`meta/_journal.json` and the `.sql` files).
   * @default the `drizzle/` folder shipped with the package
   */
  migrationsFolder?: string;
  /** Stop retrying a migration that races another process once this passes. */
  deadline?: Deadline;
}

/**
 * An open `@libsql/client` client, described structurally so that the public types do not pull in
 * libSQL's: pass the `Client` from `createClient()`.
 */
export interface LibsqlClientLike {
  execute: (...args: never[]) => Promise<unknown>;
  close: () => void;
}

/** Concurrent first starts race to migrate; the losers' retries find the work done. */
const MIGRATE_ATTEMPTS = 6;

/**
 * Finds the package's `drizzle/` folder by walking up from this module, which works from `src/`
 * (tsx) and from `dist/src/` (compiled) alike. The walk stops at the package root (the first
 * folder with a package.json) so a host project's own migrations are never picked up.
 */
export function findMigrationsFolder(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith("file:") ? fileURLToPath(from) : from);
  for (;;) {
    const candidate = join(dir, "drizzle");
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    const parent = dirname(dir);
    if (existsSync(join(dir, "package.json")) || parent === dir) break;
    dir = parent;
  }
  throw new AutonomyGateError(`autonomy-gate migrations not found: no drizzle/meta/_journal.json in the package containing ${from}.`);
}

/**
 * Applies pending migrations to a database, given as an open libSQL client, a URL
 * (`file:path.db`, a libSQL server URL) or `{ url, authToken }` for a libSQL server / Turso.
 * Safe to run from many processes at once; already-applied migrations are skipped.
 */
export async function migrate(target: LibsqlClientLike | string | ConnectionTarget, options: MigrateOptions = {}): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder();
  if (typeof target !== "string" && "execute" in target) {
    await migrateClient(target as unknown as Client, migrationsFolder, options.deadline);
    return;
  }
  const client = await openClient(typeof target === "string" ? { url: target } : target);
  try {
    await migrateClient(client, migrationsFolder, options.deadline);
  } finally {
    client.close();
  }
}

async function migrateClient(client: Client, migrationsFolder: string, deadline: Deadline | undefined): Promise<void> {
  const db = drizzle(client);
  for (let attempt = 1; ; attempt++) {
    try {
      await drizzleMigrate(db, { migrationsFolder });
      return;
    } catch (error) {
      // Another process applying the same migration makes ours fail ("table already exists" or a
      // lock error); the retry re-reads the migrations table and finds nothing left to do.
      // An unreachable database is not a race: say so at once (the store reports the URL).
      if (describeDbError(error).connection) throw error;
      if (attempt >= MIGRATE_ATTEMPTS || deadline?.expired() === true) {
        throw new AutonomyGateError(`Migrating the autonomy-gate database failed: ${describeDbError(error).text}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
