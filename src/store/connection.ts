/**
 * Opening a libSQL client for a store URL: local files get a busy timeout on every pooled
 * connection and WAL journaling so many worker processes can share one file; `:memory:` and
 * remote servers (libSQL / Turso) pass through unchanged.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { withBusyRetry } from "./retry.js";
import type { ConnectionTarget } from "./target.js";

export type { ConnectionTarget };

/** How long a local connection waits on another process's lock before SQLite reports busy. */
export const BUSY_TIMEOUT_MS = 10_000;

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

/** Opens a client; for a local file, creates its folder and switches the file to WAL. */
export async function openClient(target: ConnectionTarget): Promise<Client> {
  const file = localFilePath(target.url);
  if (file !== null) mkdirSync(dirname(file), { recursive: true });
  const local = file !== null || isMemoryUrl(target.url);
  const client = createClient({
    url: target.url,
    ...(target.authToken === undefined ? {} : { authToken: target.authToken }),
    // Applied by the client to every connection it opens, including transaction connections.
    ...(local ? { timeout: BUSY_TIMEOUT_MS } : {}),
  });
  if (file !== null) {
    try {
      // Persistent in the file: readers never block the writer and vice versa.
      await withBusyRetry(() => client.execute("PRAGMA journal_mode=WAL"));
    } catch (error) {
      client.close();
      throw error;
    }
  }
  return client;
}
