import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backfillDecision } from "../src/decisions/backfill.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { SEED_FLIP_POLICY } from "../src/stats/policy.js";
import { DECISION_STEPS } from "../src/store/fault-points.js";
import type { GateStore } from "../src/store/types.js";
import { runTsChild } from "./helpers/child-process.js";
import { makeVerdict, tempDir } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
const WORKER = join(import.meta.dirname, "helpers", "decision-crash-worker.ts");

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** An auto-mode scope with one auto-approved, passing verdict awaiting its (post-hoc) decision. */
async function seed(url: string): Promise<void> {
  const store = createGateStore({ url });
  // The seed rule's window breaker trips on any rejected pass (the sequential one needs a run of them).
  await store.setPolicy(SCOPE, SEED_FLIP_POLICY, "op");
  await store.setMode(SCOPE, "auto", { actor: "op", forced: true });
  await store.saveVerdict(makeVerdict({ id: "v-auto", mode: "auto", route: "auto", passed: true }));
  store.close();
}

/** Everything a rejected pass implies, as counts: all 0 (nothing happened) or all 1 (everything did). */
async function implied(store: GateStore) {
  const verdict = await store.getVerdict("v-auto");
  const counts = await store.getCounts(SCOPE, "pk-1", 0);
  const ledger = await store.competenceHistory(SCOPE);
  const state = await store.getScopeState(SCOPE);
  const audit = await store.listAudit({ scope: SCOPE, limit: 100 });
  return {
    decided: verdict?.decision?.type === "reject" ? 1 : 0,
    counter: counts.passReject,
    ledger: ledger.length,
    tripped: state.breaker === "open" && state.epoch === 1 ? 1 : 0,
    decisionAudits: audit.filter((e) => e.kind === "decision").length,
    tripAudits: audit.filter((e) => e.kind === "breaker_trip").length,
  };
}

const NOTHING = { decided: 0, counter: 0, ledger: 0, tripped: 0, decisionAudits: 0, tripAudits: 0 };
const EVERYTHING = { decided: 1, counter: 1, ledger: 1, tripped: 1, decisionAudits: 1, tripAudits: 1 };

describe("a decision and all it implies commit together", () => {
  it("a SIGKILL between any two steps leaves all or nothing, and a retry completes everything exactly once", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const runs = await Promise.all(
      DECISION_STEPS.map(async (step) => {
        const url = `file:${join(tmp.dir, `${step}.db`)}`;
        await seed(url);
        const child = await runTsChild(WORKER, [url, "v-auto", "reject", step]);
        return { step, url, child };
      }),
    );
    for (const { step, url, child } of runs) {
      expect(child.signal, `${step}: ${child.stderr}`).toBe("SIGKILL");
      const store = createGateStore({ url });
      try {
        expect({ step, ...(await implied(store)) }).toEqual({ step, ...(step === "committed" ? EVERYTHING : NOTHING) });
        // The host retries the same decision (a resume re-runs the node): whatever is missing completes, nothing doubles.
        await backfillDecision(store, "v-auto", { type: "reject", by: "retry" });
        expect({ step, ...(await implied(store)) }).toEqual({ step, ...EVERYTHING });
        expect(await store.verifyAudit()).toMatchObject({ ok: true });
      } finally {
        store.close();
      }
    }
  }, 60_000);
});
