import { createClient, type Client } from "@libsql/client";
import { sqliteDatabase } from "../src/store/sqlite/connection.js";
import { afterEach, describe, expect, it } from "vitest";
import { calibrationQuery } from "../src/store/calibration.js";
import { recountQuery } from "../src/store/counters.js";
import { migrate } from "../src/store/migrate.js";

let client: Client | undefined;
afterEach(() => client?.close());

async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const plan = await (client as Client).execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as never });
  return plan.rows.map((r) => String(r.detail)).join("\n");
}

describe("status's history reads stay index-backed", () => {
  it("the recount of an evidence key reads the covering index alone", async () => {
    client = createClient({ url: ":memory:" });
    await migrate(client);
    const details = await planOf(recountQuery(sqliteDatabase(client), { scope: "s", provenanceKey: "pk", epoch: 0 }));
    expect(details).toContain("USING COVERING INDEX verdicts_scope_provenance_epoch_cells_idx");
  });

  it("the calibration window of a provenance key walks its index newest first, without a sort step", async () => {
    client = createClient({ url: ":memory:" });
    await migrate(client);
    const details = await planOf(calibrationQuery(sqliteDatabase(client), "s", { provenanceKey: "pk", limit: 1000 }));
    expect(details).toContain("verdicts_scope_provenance_decided_idx");
    expect(details).not.toContain("TEMP B-TREE");
  });
});
