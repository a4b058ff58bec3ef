import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { makeTmpDir, fileUrl } from "../bench/harness.js";
import { seedHistory } from "../bench/seed-history.js";
import { scopeEligibility } from "../src/decisions/eligibility.js";
import { createGateStore } from "../src/store/create-gate-store.js";

// The seeder writes through raw SQL into a file (it opens its own connections), so these tests use
// a temporary file rather than `:memory:`.
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tmpUrl() {
  const tmp = makeTmpDir("autonomy-gate-bench-test-");
  cleanups.push(tmp.remove);
  return fileUrl(tmp.dir, "seed.db");
}

async function countsFromRows(url: string) {
  const client = createClient({ url });
  try {
    const result = await client.execute(
      "SELECT passed, decision_type AS d, count(*) AS n FROM verdicts WHERE scope = 'bench:s' GROUP BY passed, decision_type",
    );
    const cell = (passed: number, d: string) => Number(result.rows.find((r) => Number(r.passed) === passed && r.d === d)?.n ?? 0);
    return {
      passApprove: cell(1, "approve"),
      passEdit: cell(1, "edit"),
      passReject: cell(1, "reject"),
      failApprove: cell(0, "approve"),
      failEdit: cell(0, "edit"),
      failReject: cell(0, "reject"),
    };
  } finally {
    client.close();
  }
}

describe("seedHistory", () => {
  it("leaves the agreement counters equal to the seeded rows' 2×2 table, across batches", async () => {
    const url = tmpUrl();
    await seedHistory(url, { scope: "bench:s", provenanceKey: "pk", total: 1_000, batch: 300 });
    const store = createGateStore({ url });
    try {
      expect(await store.getCounts("bench:s", "pk", 0)).toEqual(await countsFromRows(url));
    } finally {
      store.close();
    }
  });

  it("grows an existing history to the new total without duplicating rows", async () => {
    const url = tmpUrl();
    await seedHistory(url, { scope: "bench:s", provenanceKey: "pk", total: 400 });
    const inserted = await seedHistory(url, { scope: "bench:s", provenanceKey: "pk", total: 1_000 });
    const store = createGateStore({ url });
    try {
      const counts = await store.getCounts("bench:s", "pk", 0);
      expect(inserted).toBe(600);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1_000);
      expect(counts).toEqual(await countsFromRows(url));
    } finally {
      store.close();
    }
  });

  it("stores verdicts the store reads back as decided verdicts of the scope's current evidence", async () => {
    const url = tmpUrl();
    await seedHistory(url, { scope: "bench:s", provenanceKey: "pk", total: 200 });
    const store = createGateStore({ url });
    try {
      const state = await store.getScopeState("bench:s");
      const [latest] = await store.listVerdicts({ scope: "bench:s", limit: 1 });
      const eligibility = await scopeEligibility(store, state);
      expect(state.provenanceKey).toBe("pk");
      expect(latest?.decision?.type).toMatch(/^(approve|edit|reject)$/);
      expect(latest?.provenance.provenanceKey).toBe("pk");
      expect(eligibility.n).toBe(200);
    } finally {
      store.close();
    }
  });
});
