import { DEFAULT_STORE_URL } from "../store/create-gate-store.js";
import type { CliIo } from "./io.js";

/** The database a CLI command works on: `--db`, else `AUTONOMY_GATE_DB`, else the default file. */
export function resolveDbUrl(flag: string | undefined, io: CliIo): string {
  return flag ?? io.env.AUTONOMY_GATE_DB ?? DEFAULT_STORE_URL;
}

export function resolveAuthToken(io: CliIo): string | undefined {
  return io.env.AUTONOMY_GATE_DB_TOKEN;
}
