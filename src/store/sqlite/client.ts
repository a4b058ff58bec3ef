/**
 * Opening a libSQL client for a store URL: a local file gets WAL journaling so many worker
 * processes can share it, and connections of the store's own client (./local-client.ts) that keep
 * their prepared statements and never wait inside SQLite on a lock; `:memory:` and remote servers
 * (libSQL / Turso) get @libsql/client.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient, type Client } from "@libsql/client";
import type { Deadline } from "../deadline.js";
import { LocalClient } from "./local-client.js";
import { withBusyRetry } from "./busy.js";
import type { ConnectionTarget } from "../target.js";

export type { ConnectionTarget };

/**
 * How long a local connection waits inside SQLite on another process's lock before reporting
 * busy: not at all. SQLite's busy handler blocks the thread (and so Node's event loop), so every
 * lock wait is the store's asynchronous, jittered retry instead (./busy.ts, ../deadline.ts).
 */
export const BUSY_TIMEOUT_MS = 0;

/** True for `:memory:` and `file::memory:` URLs: a database that lives on one connection only. */
export function isMemoryUrl(url: string): boolean {
  return url === ":memory:" || url.startsWith("file::memory:");
}

/** The filesystem path of a local `file:` URL, or null for memory and remote URLs. */
export function localFilePath(url: string): string | null {
  if (!url.startsWith("file:") || isMemoryUrl(url)) return null;
  let path = url.slice("file:".length).replace(/[?#].*$/, "");
  // `file:///abs` and `file://localhost/abs` carry an (empty) authority before the path.
  if (path.startsWith("//")) path = path.slice(path.indexOf("/", 2));
  return decodeURIComponent(path);
}

/**
 * A connection of its own to a local file: for its writes, its migrations, its reads. A statement that failed
 * with `SQLITE_BUSY` (a `BEGIN IMMEDIATE` that lost the race, a migration step) is not reset by
 * the driver and pins its connection to a stale snapshot, so every later `BEGIN IMMEDIATE` on it
 * fails with `SQLITE_BUSY_SNAPSHOT` and reads on it miss newer commits. Writes therefore get their
 * own connection, which LocalClient reopens after a failure and the store throws away; reads never
 * share it.
 */
export function openLocalConnection(path: string): LocalClient {
  return new LocalClient(path, { timeout: BUSY_TIMEOUT_MS });
}

/** Opens a client; for a local file, creates its folder and switches the file to WAL. */
export async function openClient(target: ConnectionTarget, deadline?: Deadline): Promise<Client> {
  const file = localFilePath(target.url);
  if (file !== null) mkdirSync(dirname(file), { recursive: true });
  if (file !== null) {
    // Persistent in the file: readers never block the writer and vice versa. Run on a throwaway
    // connection (see openLocalConnection), a fresh one per attempt.
    await withBusyRetry(
      async () => {
        const setup = openLocalConnection(file);
        try {
          await setup.execute("PRAGMA journal_mode=WAL");
        } finally {
          setup.close();
        }
      },
      deadline === undefined ? {} : { deadline },
    );
  }
  // A local file's reads share one connection that keeps its prepared statements.
  if (file !== null) return openLocalConnection(file);
  return createClient({
    url: target.url,
    ...(target.authToken === undefined ? {} : { authToken: target.authToken }),
    // Applied by the client to every connection it opens, including transaction connections.
    ...(isMemoryUrl(target.url) ? { timeout: BUSY_TIMEOUT_MS } : {}),
  });
}
