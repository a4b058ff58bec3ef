import { createGateStore } from "../store/create-gate-store.js";
import type { GateStore } from "../store/types.js";
import { resolveAuthToken, resolveDbTimeout, resolveDbUrl } from "./db-url.js";
import type { CliIo } from "./io.js";

/** Opens the store a command works on and always closes it. */
export async function withStore<T>(dbFlag: string | undefined, io: CliIo, work: (store: GateStore) => Promise<T>): Promise<T> {
  const authToken = resolveAuthToken(io);
  const timeoutMs = resolveDbTimeout(io);
  const auditKey = io.env.AUTONOMY_GATE_AUDIT_KEY;
  const schema = io.env.AUTONOMY_GATE_DB_SCHEMA;
  const store = createGateStore({
    url: resolveDbUrl(dbFlag, io),
    ...(authToken ? { authToken } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(auditKey ? { auditKey } : {}),
    ...(schema ? { schema } : {}),
  });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
