import { DEFAULT_STORE_URL } from "../store/create-gate-store.js";
import { CliUsageError, type CliIo } from "./io.js";

/** The database a CLI command works on: `--db`, else `AUTONOMY_GATE_DB`, else the default file. */
export function resolveDbUrl(flag: string | undefined, io: CliIo): string {
  return flag ?? io.env.AUTONOMY_GATE_DB ?? DEFAULT_STORE_URL;
}

export function resolveAuthToken(io: CliIo): string | undefined {
  return io.env.AUTONOMY_GATE_DB_TOKEN;
}

/**
 * The deadline of each database call, from `AUTONOMY_GATE_DB_TIMEOUT_MS` (else the store's
 * default). A value that is not a positive whole number is refused as bad input.
 */
export function resolveDbTimeout(io: CliIo): number | undefined {
  const raw = io.env.AUTONOMY_GATE_DB_TIMEOUT_MS;
  if (raw === undefined || raw === "") return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new CliUsageError(`AUTONOMY_GATE_DB_TIMEOUT_MS must be a positive whole number of milliseconds, got ${JSON.stringify(raw)}.`);
  return ms;
}
