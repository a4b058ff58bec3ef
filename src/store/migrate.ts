/**
 * Applying the checked-in drizzle migrations (`drizzle/`), programmatically and from the CLI.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";
import { AutonomyGateError } from "../errors.js";
import { openClient } from "./connection.js";
import type { Deadline } from "./deadline.js";
import { applyMigrations, migrateAttempts } from "./migrate-steps.js";
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
    // The caller's client: retried on it as it is (its connections are the caller's to manage).
    await migrateAttempts(() => applyMigrations(target as unknown as Client, migrationsFolder), options.deadline);
    return;
  }
  const connection = typeof target === "string" ? { url: target } : target;
  // A fresh client per attempt: a statement that lost the race can pin its connection (see
  // connection.ts), and a retry on that connection would fail the same way.
  await migrateAttempts(async () => {
    const client = await openClient(connection);
    try {
      await applyMigrations(client, migrationsFolder);
    } finally {
      client.close();
    }
  }, options.deadline);
}
