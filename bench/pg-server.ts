/**
 * The PostgreSQL server the PostgreSQL figure measures: `AUTONOMY_GATE_BENCH_PG` (or
 * `AUTONOMY_GATE_TEST_PG`) when set, else a throwaway cluster started for the run by
 * `.ci/pg-throwaway.sh` (Debian's postgresql, installed when missing) and stopped afterwards.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";

const SCRIPT = fileURLToPath(new URL("../.ci/pg-throwaway.sh", import.meta.url));

export interface PgServer {
  url: string;
  /** `server_version`, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  version: string;
  /** Who started it: the environment, or this run. */
  origin: string;
  stop(): void;
}

export async function pgServer(): Promise<PgServer> {
  const given = process.env.AUTONOMY_GATE_BENCH_PG ?? process.env.AUTONOMY_GATE_TEST_PG;
  let url: string;
  let stop = () => undefined as void;
  let origin: string;
  if (given !== undefined && given !== "") {
    url = given;
    origin = "the server named by the environment";
  } else {
    const exports = execFileSync("bash", [SCRIPT, "start"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const vars = Object.fromEntries([...exports.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    url = vars.AUTONOMY_GATE_TEST_PG ?? "";
    const dir = vars.AUTONOMY_GATE_PG_DIR ?? "";
    stop = () => void execFileSync("bash", [SCRIPT, "stop"], { env: { ...process.env, AUTONOMY_GATE_PG_DIR: dir }, stdio: "ignore" });
    origin = "a throwaway cluster started for this run (.ci/pg-throwaway.sh: default settings, data in /tmp)";
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return { url, version: rows[0]?.server_version ?? "unknown", origin, stop };
  } finally {
    await client.end();
  }
}

/** Runs `sql` once on the server. */
export async function pgExecute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
