/**
 * Where the outreach demo keeps its data. By default a libSQL file (`AUTONOMY_GATE_DB`, else the
 * store's default) with the graph's checkpoints in memory; with `--db postgres://…` one PostgreSQL
 * database holds both the gate store (schema autonomy_gate) and LangGraph's PostgresSaver
 * checkpoints (schema langgraph), so a host can see the two side by side.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import pg from "pg";
import { GateConfigError } from "../src/errors.js";
import { describeDbError } from "../src/store/describe-error.js";
import { createGateStore, DEFAULT_STORE_URL } from "../src/store/create-gate-store.js";
import { isPostgresUrl, redactUrl } from "../src/store/pg/pool.js";
import { localFilePath } from "../src/store/sqlite/client.js";
import type { GateStore } from "../src/store/types.js";

export const GATE_SCHEMA = "autonomy_gate";
export const CHECKPOINT_SCHEMA = "langgraph";

/** An argument or database the demo cannot use: reported as one line with exit code 2. */
export class DemoUsageError extends Error {}

export interface DemoDatabase {
  store: GateStore;
  checkpointer: BaseCheckpointSaver;
  close(): Promise<void>;
}

/** The `--db` value, if given. Unknown arguments are refused: a typo must not fall back to the file. */
export function demoDbArg(argv: string[]): string | undefined {
  try {
    return parseArgs({ args: argv, options: { db: { type: "string" } }, strict: true }).values.db;
  } catch (error: unknown) {
    throw new DemoUsageError(`${(error as Error).message} (usage: npm run demo -- [--db URL])`);
  }
}

/**
 * Opens the demo's database fresh, logging where it is and how to inspect it. Only an explicit
 * `--db` PostgreSQL URL gets PostgreSQL checkpoints and dropped schemas: `AUTONOMY_GATE_DB`, set
 * for the CLI perhaps, keeps exactly its old meaning, so a variable in the shell never drops schemas.
 */
export async function openDemoDatabase(db: string | undefined, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<DemoDatabase> {
  if (db !== undefined && isPostgresUrl(db)) return openPostgres(db, log);
  const url = db ?? env.AUTONOMY_GATE_DB ?? DEFAULT_STORE_URL;
  const store = openStore(url, db === undefined ? "AUTONOMY_GATE_DB" : "--db", {});
  const file = localFilePath(url);
  if (file) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    log(`Database: ${url} (started fresh; inspect it afterwards with \`npx autonomy-gate status --db ${url}\`).`);
  }
  return { store, checkpointer: new MemorySaver(), close: async () => store.close() };
}

async function openPostgres(url: string, log: (line: string) => void): Promise<DemoDatabase> {
  const shown = redactUrl(url);
  const store = openStore(url, "--db", { schema: GATE_SCHEMA });
  try {
    await dropSchemas(url);
  } catch (error: unknown) {
    store.close();
    throw new DemoUsageError(`cannot use the PostgreSQL database ${shown}: ${describeDbError(error).text}`);
  }
  const checkpointer = PostgresSaver.fromConnString(url, { schema: CHECKPOINT_SCHEMA });
  await checkpointer.setup();
  log(`Database: ${shown} (started fresh: dropped the schemas ${GATE_SCHEMA} and ${CHECKPOINT_SCHEMA}).`);
  log(`  The gate store is in schema ${GATE_SCHEMA}, LangGraph's checkpoints (PostgresSaver) in schema ${CHECKPOINT_SCHEMA};`);
  log(`  inspect it afterwards with \`AUTONOMY_GATE_DB_SCHEMA=${GATE_SCHEMA} npx autonomy-gate status --db ${shown}\`.`);
  return {
    store,
    checkpointer,
    // Both own a pool; until both end, the process stays alive.
    close: async () => {
      store.close();
      await checkpointer.end();
    },
  };
}

/** The store for `url` (from `source`); an unusable URL becomes a usage error naming what was expected. */
function openStore(url: string, source: string, options: { schema?: string }): GateStore {
  try {
    return createGateStore({ url, ...options });
  } catch (error: unknown) {
    if (!(error instanceof GateConfigError)) throw error;
    throw new DemoUsageError(`${source} ${JSON.stringify(redactUrl(url))} is not usable: expected ${error.expected}`);
  }
}

/** Starts fresh, like removing the file: a run on a used database would not show the life cycle. */
async function dropSchemas(url: string): Promise<void> {
  // A server that does not answer is reported, not waited on forever.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    for (const schema of [GATE_SCHEMA, CHECKPOINT_SCHEMA]) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
