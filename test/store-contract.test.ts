/**
 * The GateStore contract: one suite, the same assertions, on every backend — libSQL in memory, a
 * libSQL file and a real PostgreSQL server (`AUTONOMY_GATE_TEST_PG`; .ci/run starts one).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { harness } from "./contract/harness.js";
import { recordContract } from "./contract/records.js";
import { scopeContract } from "./contract/scopes.js";
import { verdictContract } from "./contract/verdicts.js";
import { storeBackends } from "./helpers/store-backends.js";

const { backends, skipped } = await storeBackends();

for (const backend of backends) {
  describe(`GateStore contract on ${backend.name}`, () => {
    // Said in the run's output (CI's log included), not only in the test names.
    beforeAll(() => console.log(`GateStore contract suite on ${backend.name}`));
    afterAll(() => backend.cleanup());
    const h = harness(backend);
    describe("verdicts and decisions", () => verdictContract(h));
    describe("scopes and the audit log", () => scopeContract(h));
    describe("ledger, escalations, post-hoc audit and history", () => recordContract(h));
  });
}

if (skipped !== null) {
  console.warn(skipped);
  describe.skip(skipped, () => it("runs the contract suite on a PostgreSQL server", () => undefined));
}
