/**
 * The baseline for persistence throughput: raw libSQL single-row inserts, each its own
 * autocommit transaction, on a file in WAL mode (the store's journal mode) — the fastest a
 * durable one-row-per-transaction writer can go on this disk.
 */
import { createClient } from "@libsql/client";
import { performance } from "node:perf_hooks";
import { perSecond } from "./stats.js";

/** Inserts `rows` single rows into a fresh table of the database at `url`; returns rows per second. */
export async function rawInsertRate(url: string, rows: number): Promise<number> {
  const client = createClient({ url });
  try {
    await client.execute("PRAGMA journal_mode=WAL");
    await client.execute("CREATE TABLE IF NOT EXISTS raw_insert (id TEXT PRIMARY KEY, payload TEXT NOT NULL)");
    const payload = JSON.stringify({ score: 0.9, codes: [], hash: "0".repeat(64) });
    // Warm-up: open the file, prepare the statement path.
    for (let i = 0; i < 20; i++) await client.execute({ sql: "INSERT INTO raw_insert VALUES (?, ?)", args: [`warm-${i}`, payload] });
    const started = performance.now();
    for (let i = 0; i < rows; i++) {
      await client.execute({ sql: "INSERT INTO raw_insert VALUES (?, ?)", args: [`row-${i}`, payload] });
    }
    return perSecond(rows, performance.now() - started);
  } finally {
    client.close();
  }
}
