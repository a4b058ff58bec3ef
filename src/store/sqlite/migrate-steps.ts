/**
 * The steps under `migrate` (../migrate.ts), kept apart so that the public declarations of
 * `migrate` do not reach libSQL's types: one attempt at applying the pending migrations, and the
 * retry loop around attempts.
 */
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate as drizzleMigrate } from "drizzle-orm/libsql/migrator";
import { AutonomyGateError } from "../../errors.js";
import type { Deadline } from "../deadline.js";
import { describeDbError } from "../describe-error.js";

/** Concurrent first starts race to migrate; the losers' retries find the work done. */
const MIGRATE_ATTEMPTS = 12;

/** One attempt at applying every pending migration on `client`. */
export async function applyMigrations(client: Client, migrationsFolder: string): Promise<void> {
  await drizzleMigrate(drizzle(client), { migrationsFolder });
}

/**
 * Runs `attempt` until it succeeds, with a jittered, growing pause between tries, up to
 * MIGRATE_ATTEMPTS tries or the deadline. Another process applying the same migration makes ours
 * fail ("table already exists" or a lock error); the retry re-reads the migrations table and finds
 * nothing left to do. An unreachable database is not a race: it is reported at once.
 */
export async function migrateAttempts(attempt: () => Promise<void>, deadline: Deadline | undefined): Promise<void> {
  for (let n = 1; ; n++) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (describeDbError(error).connection) throw error;
      const pause = Math.min(200, 10 * 2 ** Math.min(n, 5)) * (0.5 + Math.random() / 2);
      if (n >= MIGRATE_ATTEMPTS || deadline?.expired() === true || (deadline !== undefined && deadline.remaining() <= pause)) {
        throw new AutonomyGateError(`Migrating the autonomy-gate database failed: ${describeDbError(error).text}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
