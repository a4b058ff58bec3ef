import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { scopeEligibility } from "../src/decisions/eligibility.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { DEFAULT_FLIP_POLICY } from "../src/stats/policy.js";
import { makeVerdict, tempDir } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
const POLICY = { ...DEFAULT_FLIP_POLICY, minDecided: 50 };

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A file store with `decided` approved passes (and one verdict with a provenance key set on the scope). */
async function seeded(decided: number) {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  const file = join(tmp.dir, "gate.db");
  const url = `file:${file}`;
  const store = createGateStore({ url });
  await store.setProvenanceKey(SCOPE, "pk-1");
  for (let i = 0; i < decided; i++) {
    await store.saveVerdict(makeVerdict({ id: `v-${i}`, passed: true }));
    await store.recordDecision(`v-${i}`, { type: "approve", by: "reviewer" });
  }
  const raw = createClient({ url });
  return { store, raw, close: () => (raw.close(), store.close()) };
}

describe("tamper evidence for what the flip rests on", () => {
  const edits: Array<[string, string]> = [
    ["a counter moved by one", `UPDATE agreement_counters SET pass_approve = pass_approve + 1`],
    ["an edited decision row", `UPDATE verdicts SET decision_type = 'reject' WHERE id = 'v-1'`],
    ["an edited verdict passed flag", `UPDATE verdicts SET passed = 0 WHERE id = 'v-2'`],
    ["a deleted verdict", `DELETE FROM verdicts WHERE id = 'v-3'`],
  ];
  for (const [what, sql] of edits) {
    it(`audit verify fails after ${what}, naming the counter row that no longer matches`, async () => {
      const { store, raw, close } = await seeded(5);
      try {
        expect(await store.verifyAudit()).toMatchObject({ ok: true });
        await raw.execute(sql);
        const result = await store.verifyAudit();
        expect(result.ok).toBe(false);
        expect(result.counterMismatches?.[0]).toMatchObject({ scope: SCOPE, provenanceKey: "pk-1", epoch: 0 });
      } finally {
        close();
      }
    });
  }

  it("a counter raised by hand never makes a scope eligible", async () => {
    const { store, raw, close } = await seeded(10);
    try {
      await raw.execute(`UPDATE agreement_counters SET pass_approve = pass_approve + 40`);
      const state = await store.getScopeState(SCOPE);
      const eligibility = await scopeEligibility(store, state, POLICY);
      expect(eligibility.eligible).toBe(false);
      expect(eligibility.reasons.join(" ")).toContain("counters do not match a recount");
    } finally {
      close();
    }
  });
});
