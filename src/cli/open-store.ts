import { createGateStore } from "../store/create-gate-store.js";
import type { GateStore } from "../store/types.js";
import { resolveAuthToken, resolveDbUrl } from "./db-url.js";
import type { CliIo } from "./io.js";

/** Opens the store a command works on and always closes it. */
export async function withStore<T>(dbFlag: string | undefined, io: CliIo, work: (store: GateStore) => Promise<T>): Promise<T> {
  const authToken = resolveAuthToken(io);
  const store = createGateStore({ url: resolveDbUrl(dbFlag, io), ...(authToken ? { authToken } : {}) });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
