/**
 * The backends the store's contract suite runs on: libSQL in memory, a libSQL file, and a real
 * PostgreSQL server when `AUTONOMY_GATE_TEST_PG` names one (each store in a fresh schema, dropped
 * afterwards). Without it the PostgreSQL runs are skipped, and the output says so.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createGateStore } from "../../src/store/create-gate-store.js";
import type { GateStore, GateStoreOptions } from "../../src/store/types.js";
import { tempDir } from "./store-fixtures.js";

export interface StoreBackend {
  /** Named in the test output: the backend and, for PostgreSQL, the server's version. */
  name: string;
  /** A fresh, empty store (an own database or schema). */
  open(options?: Omit<GateStoreOptions, "url">): GateStore;
  /** Runs raw SQL against the database `store` lives in (for tampering and checks). */
  raw(store: GateStore, sql: string): Promise<Array<Record<string, unknown>>>;
  /** Removes what open() created. */
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.AUTONOMY_GATE_TEST_PG;

/** The server's version, e.g. "15.14", or null when no server is configured. */
export async function pgServerVersion(url = PG_URL): Promise<string | null> {
  if (url === undefined || url === "") return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version ?? "unknown";
  } finally {
    await client.end();
  }
}

export function memoryBackend(): StoreBackend {
  return {
    name: "libSQL :memory:",
    open: (options = {}) => createGateStore({ ...options, url: ":memory:" }),
    raw: async () => {
      throw new Error("a :memory: database is reachable only through its store");
    },
    cleanup: async () => undefined,
  };
}

export function fileBackend(): StoreBackend {
  const { dir, cleanup } = tempDir();
  const urls = new WeakMap<GateStore, string>();
  return {
    name: "libSQL file",
    open(options = {}) {
      const url = `file:${dir}/${randomUUID()}.db`;
      const store = createGateStore({ ...options, url });
      urls.set(store, url);
      return store;
    },
    async raw(store, sql) {
      const { createClient } = await import("@libsql/client");
      const client = createClient({ url: urls.get(store) ?? "" });
      try {
        const result = await client.execute(sql);
        return result.rows.map((row) => ({ ...row }));
      } finally {
        client.close();
      }
    },
    cleanup: async () => cleanup(),
  };
}

export function postgresBackend(url: string, version: string): StoreBackend {
  const schemas = new WeakMap<GateStore, string>();
  const created: string[] = [];
  return {
    name: `PostgreSQL ${version}`,
    open(options = {}) {
      const schema = freshSchemaName("contract");
      created.push(schema);
      const store = createGateStore({ ...options, url, schema });
      schemas.set(store, schema);
      return store;
    },
    async raw(store, sql) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`set search_path to "${schemas.get(store) ?? "public"}"`);
        return (await client.query(sql)).rows as Array<Record<string, unknown>>;
      } finally {
        await client.end();
      }
    },
    cleanup: () => dropSchemas(url, created.splice(0)),
  };
}

/** A schema name no other run uses. */
export function freshSchemaName(prefix = "t"): string {
  return `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
}

/** Drops schemas a test created on the server at `url`. */
export async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** Every backend to run on here; PostgreSQL only with a configured server. */
export async function storeBackends(): Promise<{ backends: StoreBackend[]; skipped: string | null }> {
  const backends = [memoryBackend(), fileBackend()];
  const version = await pgServerVersion();
  if (version === null || PG_URL === undefined) {
    return { backends, skipped: "PostgreSQL: skipped (set AUTONOMY_GATE_TEST_PG=postgres://… to run the suite on a server)" };
  }
  return { backends: [...backends, postgresBackend(PG_URL, version)], skipped: null };
}
