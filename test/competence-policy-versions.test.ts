import { afterEach, describe, expect, it } from "vitest";
import { backfillDecision } from "../src/decisions/backfill.js";
import { computeStatus } from "../src/decisions/status.js";
import { summarize } from "../src/stats/agreement.js";
import { resolvePolicy } from "../src/stats/policy.js";
import type { GateStore } from "../src/store/types.js";
import { gateDraft, movableClock } from "./helpers/competence-fixtures.js";
import { memoryStore } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
let store: GateStore;
afterEach(() => store?.close());
const clock = movableClock();

async function decided(id: string, passed: boolean, type: "approve" | "edit" | "reject") {
  clock.advance(60_000);
  await gateDraft(store, SCOPE, id, passed, clock.now());
  await backfillDecision(store, id, { type, by: "ana" });
}

const versionsOf = async () =>
  Object.fromEntries((await store.decisionTimeline(SCOPE)).map((r) => [r.verdictId, [r.policyVersion, r.decisionPolicyVersion]]));

describe("policy versions", () => {
  it("a policy change leaves earlier verdicts' recorded policy version and agreement numbers as they were", async () => {
    store = memoryStore();
    await decided("v1", true, "approve");
    await decided("v2", true, "edit");
    await decided("v3", false, "reject");
    const before = {
      versions: await versionsOf(),
      byVersion: await store.agreementByPolicyVersion(SCOPE),
      snapshot: (await store.getVerdict("v3"))?.eligibility,
    };
    expect(before.versions).toEqual({ v1: [0, 0], v2: [0, 0], v3: [0, 0] });

    await store.setPolicy(SCOPE, resolvePolicy({ preset: "strict", minAgreement: 0.9 }), "ops");
    await decided("v4", true, "reject");

    expect(await versionsOf()).toEqual({ ...before.versions, v4: [1, 1] });
    const byVersion = await store.agreementByPolicyVersion(SCOPE);
    expect(byVersion[0]).toEqual(before.byVersion[0]);
    expect(summarize(byVersion[0]!.counts)).toMatchObject({ n: 3, agreement: 2 / 3, rejectedPasses: 0 });
    expect(byVersion[1]).toMatchObject({ policyVersion: 1, counts: { passReject: 1 } });
    expect((await store.getVerdict("v3"))?.eligibility).toEqual(before.snapshot);
  });

  it("a decision recorded after a policy change keeps its verdict's version and stamps the new one on the decision", async () => {
    store = memoryStore();
    clock.advance(60_000);
    await gateDraft(store, SCOPE, "v1", true, clock.now());
    await store.setPolicy(SCOPE, resolvePolicy({ minDecided: 10 }), "ops");
    await backfillDecision(store, "v1", { type: "approve" });
    expect(await versionsOf()).toEqual({ v1: [0, 1] });
  });

  it("lists every version with its rule, and status shows the current one", async () => {
    store = memoryStore();
    const strict = resolvePolicy({ preset: "strict" });
    await store.setPolicy(SCOPE, strict, "ops");
    await store.setPolicy(SCOPE, null, "ops");
    expect((await store.listPolicyVersions(SCOPE)).map((v) => [v.version, v.policy?.preset ?? null, v.actor])).toEqual([
      [0, null, null],
      [1, "strict", "ops"],
      [2, null, "ops"],
    ]);
    expect((await computeStatus(store, { scope: SCOPE }))[0]?.policyVersion).toBe(2);
  });
});
