import { afterEach, describe, expect, it } from "vitest";
import type { GateStore } from "../src/store/types.js";
import { makeVerdict, memoryStore, openForAuto } from "./helpers/store-fixtures.js";

let store: GateStore;
afterEach(() => store?.close());

describe("verdict storage", () => {
  it("saving the same verdict id twice stores one row and returns the first verdict", async () => {
    store = memoryStore();
    const first = await store.saveVerdict(makeVerdict({ id: "v-1", rationale: "first" }));
    const again = await store.saveVerdict(makeVerdict({ id: "v-1", rationale: "re-run" }));
    expect(first.inserted).toBe(true);
    expect(again.inserted).toBe(false);
    expect(again.verdict.rationale).toBe("first");
    expect(await store.listVerdicts({ scope: "outreach:first_touch" })).toHaveLength(1);
  });

  it("concurrent saves of one id store exactly one row", async () => {
    store = memoryStore();
    const results = await Promise.all(Array.from({ length: 5 }, () => store.saveVerdict(makeVerdict({ id: "same" }))));
    expect(results.filter((r) => r.inserted)).toHaveLength(1);
    expect(await store.listVerdicts({})).toHaveLength(1);
  });

  it("a verdict reads back exactly as saved, optional fields included or absent", async () => {
    store = memoryStore();
    const plain = makeVerdict({ id: "plain" });
    const full = makeVerdict({
      id: "full",
      composite: null,
      passed: false,
      eligibility: { eligible: false, reasons: ["n 3 < 50"], n: 3, agreement: 1, wilsonLower: 0.43, kappa: null, rejectedPasses: 0 },
    });
    await store.saveVerdict(plain);
    await store.saveVerdict(full);
    expect(await store.getVerdict("plain")).toStrictEqual(plain);
    expect(await store.getVerdict("full")).toStrictEqual(full);
  });

  it("an unknown id reads as null", async () => {
    store = memoryStore();
    expect(await store.getVerdict("nope")).toBeNull();
  });

  it("a verdict saved with a decision counts it like a backfilled one", async () => {
    store = memoryStore();
    const { verdict } = await store.saveVerdict(
      makeVerdict({ id: "decided", passed: true, decision: { type: "approve", at: "2025-01-01T01:00:00.000Z", by: "ana" } }),
    );
    expect(verdict.decision).toEqual({ type: "approve", at: "2025-01-01T01:00:00.000Z", by: "ana" });
    expect((await store.getCounts("outreach:first_touch", "pk-1", 0)).passApprove).toBe(1);
  });

  it("lists by thread newest first and honours the limit", async () => {
    store = memoryStore();
    for (const [i, thread] of ["t-a", "t-b", "t-a", "t-a"].entries()) {
      await store.saveVerdict(makeVerdict({ id: `v-${i}`, threadId: thread, createdAt: `2025-01-01T00:00:0${i}.000Z` }));
    }
    const listed = await store.listVerdicts({ scope: "outreach:first_touch", threadId: "t-a", limit: 2 });
    expect(listed.map((v) => v.id)).toEqual(["v-3", "v-2"]);
  });

  it("a thread's history holds its latest verdicts' ids and pass/fail only, newest first, in one scope", async () => {
    store = memoryStore();
    const rows: Array<[string, string, boolean]> = [["outreach:first_touch", "t-a", true], ["outreach:first_touch", "t-b", false], ["other", "t-a", false], ["outreach:first_touch", "t-a", false], ["outreach:first_touch", "t-a", true]];
    for (const [i, [scope, thread, passed]] of rows.entries()) {
      await store.saveVerdict(makeVerdict({ id: `v-${i}`, scope, threadId: thread, passed, createdAt: `2025-01-01T00:00:0${i}.000Z` }));
    }
    expect(await store.threadHistory("outreach:first_touch", "t-a", 2)).toEqual([
      { id: "v-4", passed: true },
      { id: "v-3", passed: false },
    ]);
  });

  it("a verdict is stamped with its scope's epoch at insert time", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "before", passed: true }));
    await store.tripBreaker("outreach:first_touch", "drift");
    await store.saveVerdict(makeVerdict({ id: "after", passed: true }));
    await store.recordDecision("before", { type: "approve" });
    await store.recordDecision("after", { type: "approve" });
    expect((await store.getCounts("outreach:first_touch", "pk-1", 0)).passApprove).toBe(1);
    expect((await store.getCounts("outreach:first_touch", "pk-1", 1)).passApprove).toBe(1);
  });

  it("saving a verdict makes its scope known to listScopes", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ scope: "billing" }));
    expect((await store.listScopes()).map((s) => s.scope)).toEqual(["billing"]);
  });

  it("routeCounts tallies the routes of the latest verdicts of a scope only", async () => {
    store = memoryStore();
    await openForAuto(store);
    await openForAuto(store, "other");
    const routes = ["human", "auto", "auto", "escalate", "auto"] as const;
    for (const [i, route] of routes.entries()) {
      await store.saveVerdict(makeVerdict({ id: `r-${i}`, route, createdAt: `2025-01-01T00:00:0${i}.000Z` }));
    }
    await store.saveVerdict(makeVerdict({ id: "other", scope: "other", route: "auto" }));
    expect(await store.routeCounts("outreach:first_touch", 4)).toEqual({ auto: 3, human: 0, escalate: 1 });
    expect(await store.routeCounts("outreach:first_touch", 100)).toEqual({ auto: 3, human: 1, escalate: 1 });
  });
});
