/** The contract's verdict and decision half: rows, idempotency, counters, the swing-back trip. */
import { expect, it } from "vitest";
import { resolvePolicy } from "../../src/stats/policy.js";
import { makeVerdict, openForAuto } from "../helpers/store-fixtures.js";
import type { Harness } from "./harness.js";

export function verdictContract(h: Harness): void {
  it("a verdict reads back as it was saved, and saving its id again changes nothing", async () => {
    const store = h.open();
    const verdict = makeVerdict({ id: "v-a" });
    const first = await store.saveVerdict(verdict);
    const again = await store.saveVerdict({ ...verdict, rationale: "a re-run with other text" });
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ verdict: first.verdict, inserted: false });
    expect(await store.getVerdict("v-a")).toEqual(verdict);
    expect(await store.getVerdict("missing")).toBeNull();
  });

  it("lists verdicts newest first by scope and thread, and a thread's history as ids and pass/fail", async () => {
    const store = h.open();
    for (const [id, threadId, passed] of [["v-1", "t-1", true], ["v-2", "t-2", false], ["v-3", "t-1", false]] as const) {
      await store.saveVerdict(makeVerdict({ id, threadId, passed }));
    }
    await store.saveVerdict(makeVerdict({ id: "other", scope: "support:reply" }));
    expect((await store.listVerdicts({ scope: "outreach:first_touch" })).map((v) => v.id)).toEqual(["v-3", "v-2", "v-1"]);
    expect((await store.listVerdicts({ threadId: "t-1", limit: 1 })).map((v) => v.id)).toEqual(["v-3"]);
    expect(await store.threadHistory("outreach:first_touch", "t-1", 5)).toEqual([
      { id: "v-3", passed: false },
      { id: "v-1", passed: true },
    ]);
  });

  it("counts the latest verdicts' routes", async () => {
    const store = h.open();
    await openForAuto(store);
    const routes = ["human", "auto", "escalate", "auto"] as const;
    for (const [i, route] of routes.entries()) {
      await store.saveVerdict(makeVerdict({ id: `r-${i}`, route, mode: "auto", createdAt: `2025-01-01T00:00:0${i}.000Z` }));
    }
    expect(await store.routeCounts("outreach:first_touch", 3)).toEqual({ auto: 2, human: 0, escalate: 1 });
  });

  it("a decision moves its counter cell once, however often it is recorded, and the counters equal a recount", async () => {
    const store = h.open();
    await store.saveVerdict(makeVerdict({ id: "d-1", passed: true }));
    await store.saveVerdict(makeVerdict({ id: "d-2", passed: false }));
    expect((await store.recordDecision("d-1", { type: "approve" })).changed).toBe(true);
    expect((await store.recordDecision("d-1", { type: "approve" })).changed).toBe(false);
    await store.recordDecision("d-2", { type: "reject" });
    const counts = await store.getCounts("outreach:first_touch", "pk-1", 0);
    expect(counts).toEqual({ passApprove: 1, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 1 });
    expect(await store.recountCounts("outreach:first_touch", "pk-1", 0)).toEqual(counts);
  });

  it("a skip moves to a decision, but a decision whose action ran cannot be overwritten", async () => {
    const store = h.open();
    await store.saveVerdict(makeVerdict({ id: "s-1" }));
    await store.recordDecision("s-1", { type: "skip" });
    await store.recordDecision("s-1", { type: "edit", editedDraftHash: "h2" });
    await expect(store.recordDecision("s-1", { type: "reject" })).rejects.toThrow(/already decided "edit"/);
    expect((await store.getVerdict("s-1"))?.decision).toMatchObject({ type: "edit", editedDraftHash: "h2" });
    expect((await store.getCounts("outreach:first_touch", "pk-1", 0)).passEdit).toBe(1);
  });

  it("a decision on an unknown verdict is refused and writes nothing", async () => {
    const store = h.open();
    await expect(store.recordDecision("nope", { type: "approve" })).rejects.toThrow(/nope/);
    expect(await store.listAudit()).toEqual([]);
  });

  it("a verdict saved with its decision counts like one decided later", async () => {
    const store = h.open();
    await store.saveVerdict(makeVerdict({ id: "w-1", decision: { type: "approve", at: "2025-01-01T00:01:00.000Z" } }));
    expect((await store.getCounts("outreach:first_touch", "pk-1", 0)).passApprove).toBe(1);
    expect((await store.getVerdict("w-1"))?.decision?.type).toBe("approve");
  });

  it("a rejected pass routed in auto trips the breaker in the decision's transaction: shadow, a new epoch", async () => {
    const store = h.open();
    await openForAuto(store);
    await store.saveVerdict(makeVerdict({ id: "a-1", mode: "auto", route: "auto" }));
    await store.recordDecision("a-1", { type: "reject" }, { gatePolicy: resolvePolicy({ preset: "default" }), competence: { alpha: 0.1, beta: 0.3, initial: 0.5 } });
    const state = await store.getScopeState("outreach:first_touch");
    expect(state).toMatchObject({ mode: "shadow", breaker: "open", epoch: 1 });
    expect((await store.listAudit()).map((e) => e.kind)).toContain("breaker_trip");
    expect(await store.recentAutoDecisions("outreach:first_touch", 0, 10)).toEqual([{ passed: true, decision: "reject" }]);
  });

  it("an auto route that no longer holds at commit is stored routed to a human, saying why", async () => {
    const store = h.open();
    await openForAuto(store);
    await store.setKillSwitch(true, "operator");
    const { verdict } = await store.saveVerdict(makeVerdict({ id: "k-1", mode: "auto", route: "auto" }));
    expect(verdict.route).toBe("human");
    expect(verdict.rationale).toContain("the kill switch was turned on");
    expect(await store.getKillSwitch()).toBe(true);
  });

  it("an auto route stores its auto_approve audit entry with the draft hash", async () => {
    const store = h.open();
    await openForAuto(store);
    await store.saveVerdict(makeVerdict({ id: "aa-1", mode: "auto", route: "auto" }));
    const [entry] = await store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ kind: "auto_approve", payload: { verdictId: "aa-1", draftHash: "draft-aa-1" } });
  });
}
