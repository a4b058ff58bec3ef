import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AutonomyGateError } from "../errors.js";

/** The SQL dialects the store ships migrations for, one folder each under `drizzle/`. */
export type MigrationDialect = "sqlite" | "pg";

/**
 * Finds the package's migrations folder for `dialect` by walking up from this module, which works
 * from `src/` (tsx) and from `dist/src/` (compiled) alike. The walk stops at the package root (the
 * first folder with a package.json) so a host project's own migrations are never picked up.
 */
export function findMigrationsFolder(dialect: MigrationDialect = "sqlite", from: string = import.meta.url): string {
  let dir = dirname(from.startsWith("file:") ? fileURLToPath(from) : from);
  for (;;) {
    const candidate = join(dir, "drizzle", dialect);
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    const parent = dirname(dir);
    if (existsSync(join(dir, "package.json")) || parent === dir) break;
    dir = parent;
  }
  throw new AutonomyGateError(`autonomy-gate migrations not found: no drizzle/${dialect}/meta/_journal.json in the package containing ${from}.`);
}
