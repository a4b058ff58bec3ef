/**
 * A worker process for the multi-process store test: waits at a file barrier so all workers write
 * at once, then saves verdicts, records (and re-records) decisions and appends audit entries.
 * Usage: node --import tsx store-worker.ts <url> <barrierDir> <worker> <workers> <perWorker> [pgSchema]
 * Prints one JSON line `{ start, end }`; exits non-zero on any error.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGateStore } from "../../src/store/create-gate-store.js";
import { makeVerdict } from "./store-fixtures.js";
import { workerStep } from "./store-worker-plan.js";

const [url, barrierDir, workerArg, workersArg, perWorkerArg, schema] = process.argv.slice(2);
if (!url || !barrierDir || !workerArg || !workersArg || !perWorkerArg) throw new Error("usage: <url> <barrierDir> <worker> <workers> <perWorker>");
const worker = Number(workerArg);
const workers = Number(workersArg);
const perWorker = Number(perWorkerArg);

async function barrier(): Promise<void> {
  writeFileSync(join(barrierDir!, `ready-${worker}`), "");
  const deadline = Date.now() + 20_000;
  while (readdirSync(barrierDir!).filter((f) => f.startsWith("ready-")).length < workers) {
    if (Date.now() > deadline) throw new Error("barrier timeout");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main(): Promise<void> {
  // A generous deadline: on a loaded machine four processes can keep one another waiting for seconds.
  const store = createGateStore({ url, timeoutMs: 60_000, ...(schema ? { schema } : {}) });
  await barrier();
  const start = Date.now();
  // Two verdicts in flight at a time: in-process queueing and cross-process locking both get exercised.
  const lanes = [0, 1].map(async (lane) => {
    for (let i = lane; i < perWorker; i += 2) {
      const step = workerStep(worker, i);
      await store.saveVerdict(makeVerdict({ id: step.id, threadId: `w${worker}`, passed: step.passed }));
      for (const type of step.decisions) await store.recordDecision(step.id, { type, by: `worker-${worker}` });
      // A LangGraph re-run records the final decision again: it must change nothing.
      await store.recordDecision(step.id, { type: step.decisions[step.decisions.length - 1]!, by: `worker-${worker}` });
      await store.appendAudit({ kind: "worker_note", scope: "outreach:first_touch", actor: `worker-${worker}`, payload: { i } });
    }
  });
  await Promise.all(lanes);
  const end = Date.now();
  store.close();
  process.stdout.write(`${JSON.stringify({ start, end })}\n`);
}

main().catch((error: unknown) => {
  const cause = (error as { cause?: unknown }).cause;
  process.stderr.write(`worker ${worker} failed: ${String(error)}${cause ? ` (cause: ${String(cause)})` : ""}\n`);
  process.exit(1);
});
