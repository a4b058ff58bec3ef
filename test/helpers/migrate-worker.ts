/**
 * A worker process for the concurrent-migration test: waits at a file barrier so every worker
 * opens the same fresh database file at once, then migrates it through a store and exits 0, or
 * prints the error and exits 1.
 * Usage: node --import tsx migrate-worker.ts <url> <barrierDir> <worker> <workers>
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGateStore } from "../../src/store/create-gate-store.js";

const [url, barrierDir, worker, workers] = process.argv.slice(2);
if (!url || !barrierDir || !worker || !workers) throw new Error("usage: <url> <barrierDir> <worker> <workers>");

async function main(dir: string): Promise<void> {
  writeFileSync(join(dir, `ready-${worker}`), "");
  const deadline = Date.now() + 20_000;
  while (readdirSync(dir).filter((f) => f.startsWith("ready-")).length < Number(workers)) {
    if (Date.now() > deadline) throw new Error("barrier timeout");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const store = createGateStore({ url: url!, timeoutMs: 60_000 });
  try {
    await store.migrate();
  } finally {
    store.close();
  }
}

main(barrierDir).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
