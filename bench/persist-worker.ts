/**
 * One writer process of the persistence-throughput figures (forked with `node --import tsx`), on
 * libSQL or PostgreSQL. Protocol over IPC: on `setup` it opens (and migrates) the store and sends
 * `ready`; on `go` it writes `count` verdicts, each followed by its decision, then sends `done` and exits.
 */
import { createGateStore } from "../src/store/create-gate-store.js";
import { sampleVerdict } from "./sample-verdict.js";

interface SetupMessage {
  type: "setup";
  url: string;
  writer: number;
  count: number;
  scope: string;
  /** PostgreSQL: the schema of this run's tables. */
  schema?: string;
  /** Each writer writes into `<scope>:<writer>` instead of the shared scope. */
  scopePerWriter?: boolean;
}

const send = (message: unknown) => process.send?.(message);

process.once("message", (raw: unknown) => {
  const message = raw as SetupMessage;
  void run(message).catch((error: unknown) => {
    send({ type: "error", message: error instanceof Error ? error.stack ?? error.message : String(error) });
    process.exit(1);
  });
});

async function run({ url, writer, count, scope: shared, schema, scopePerWriter }: SetupMessage): Promise<void> {
  const scope = scopePerWriter === true ? `${shared}:${writer}` : shared;
  const store = createGateStore({ url, ...(schema === undefined ? {} : { schema }) });
  await store.migrate();
  // Warm the connection and statement paths on a scope of its own, outside the measurement.
  const warm = sampleVerdict(`${scope}:warm`, writer, 0, new Date().toISOString());
  await store.saveVerdict(warm);
  await store.recordDecision(warm.id, { type: "approve", by: "bench" });
  send({ type: "ready" });
  await new Promise<void>((resolve) => process.once("message", () => resolve()));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const verdict = sampleVerdict(scope, writer, i, new Date().toISOString());
    await store.saveVerdict(verdict);
    await store.recordDecision(verdict.id, { type: i % 5 === 0 ? "edit" : "approve", by: "bench" });
  }
  send({ type: "done", ms: performance.now() - started });
  store.close();
  process.disconnect?.();
}
