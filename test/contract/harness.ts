/** What every part of the store's contract suite shares: a fresh store per test on the backend under test. */
import { afterEach } from "vitest";
import type { GateStore, GateStoreOptions } from "../../src/store/types.js";
import type { StoreBackend } from "../helpers/store-backends.js";
import { FIXED_NOW } from "../helpers/store-fixtures.js";

export interface Harness {
  backend: StoreBackend;
  /** A fresh store on the backend (fixed clock unless `now` is given), closed after the test. */
  open(options?: Omit<GateStoreOptions, "url">): GateStore;
}

export function harness(backend: StoreBackend): Harness {
  const opened: GateStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  return {
    backend,
    open(options = {}) {
      const store = backend.open({ now: () => FIXED_NOW, ...options });
      opened.push(store);
      return store;
    },
  };
}
