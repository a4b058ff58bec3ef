import { afterEach, describe, expect, it } from "vitest";
import { reviewPostHoc } from "../src/decisions/post-hoc-review.js";
import { computeStatus } from "../src/decisions/status.js";
import { routeAndRecord } from "../src/decisions/route-verdict.js";
import { isAuditSampled } from "../src/stats/audit-sample.js";
import { isPostHocSampled } from "../src/stats/post-hoc-sample.js";
import { resolvePolicy } from "../src/stats/policy.js";
import type { GateStore } from "../src/store/types.js";
import { assessed, provenance } from "./helpers/competence-fixtures.js";
import { makeVerdict, memoryStore, openForAuto } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
let store: GateStore;
afterEach(() => store?.close());

describe("the post-hoc sample", () => {
  it("draws the same verdicts on every call and about its rate over 10,000 verdicts", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `verdict-${i}`);
    const first = ids.filter((id) => isPostHocSampled(id, 0.05, SCOPE));
    const again = ids.filter((id) => isPostHocSampled(id, 0.05, SCOPE));
    expect(again).toEqual(first);
    // Binomial(10000, 0.05): mean 500, sd ≈ 21.8; ±100 is over 4.5 sd.
    expect(first.length).toBeGreaterThan(400);
    expect(first.length).toBeLessThan(600);
  });

  it("is independent of the pre-send audit sample of the same drafts", () => {
    // Each verdict id doubles as the draft hash: the two draws still must not coincide.
    const ids = Array.from({ length: 10_000 }, (_, i) => `draft-${i}`);
    const both = ids.filter((id) => isPostHocSampled(id, 0.5, SCOPE) && isAuditSampled(id, 0.5, SCOPE)).length;
    // Independent: Binomial(10000, 0.25), mean 2500, sd ≈ 43.
    expect(both).toBeGreaterThan(2300);
    expect(both).toBeLessThan(2700);
  });
});

/** A scope that has earned auto under a one-decision policy with no pre-send audit. */
async function autoScope(): Promise<void> {
  store = memoryStore();
  await store.setPolicy(SCOPE, resolvePolicy({ preset: "default", minDecided: 1, auditRate: 0 }), "test");
  const first = await routeAndRecord(store, assessed("earn", true), meta("earn"));
  await store.recordDecision(first.id, { type: "approve" });
  await store.setMode(SCOPE, "auto", { actor: "test" });
}

function meta(id: string, postHocRate?: number) {
  return { id, scope: SCOPE, threadId: `t-${id}`, createdAt: `2025-01-01T00:00:${String(id.length).padStart(2, "0")}.000Z`, killSwitch: false, escalation: [], ...(postHocRate === undefined ? {} : { postHocRate }) };
}

describe("routing stamps the post-hoc sample on auto routes", () => {
  it("marks every auto route at rate 1 and none at rate 0", async () => {
    await autoScope();
    const all = await routeAndRecord(store, assessed("a", true), meta("a", 1));
    const none = await routeAndRecord(store, assessed("b", true), meta("b", 0));
    expect(all).toMatchObject({ route: "auto", postHocSampled: true });
    expect(none.route).toBe("auto");
    expect(none.postHocSampled).toBeUndefined();
    expect((await store.getVerdict("a"))?.postHocSampled).toBe(true);
  });

  it("never marks a verdict that went to the human", async () => {
    await autoScope();
    const failed = await routeAndRecord(store, assessed("c", false), meta("c", 1));
    expect(failed.route).toBe("human");
    expect(failed.postHocSampled).toBeUndefined();
  });
});

describe("audit queue", () => {
  it("lists exactly the sampled, unreviewed auto verdicts", async () => {
    store = memoryStore();
    await openForAuto(store, SCOPE);
    const expected: string[] = [];
    for (let i = 0; i < 200; i++) {
      const id = `v-${String(i).padStart(3, "0")}`;
      const route = i % 3 === 0 ? "human" : "auto";
      const sampled = isPostHocSampled(id, 0.2, SCOPE);
      await store.saveVerdict(makeVerdict({ id, route, mode: "auto", createdAt: `2025-01-01T00:${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.000Z`, ...(sampled ? { postHocSampled: true } : {}) }));
      if (route === "auto" && sampled) expected.push(id);
    }
    const reviewed = expected.filter((_, i) => i % 4 === 0);
    for (const id of reviewed) await reviewPostHoc(store, id, { finding: "ok" });
    const queue = await store.postHocQueue({ scope: SCOPE, limit: 1000 });
    expect(queue.map((v) => v.id)).toEqual(expected.filter((id) => !reviewed.includes(id)));
    expect(expected.length).toBeGreaterThan(10);
    const stats = await store.postHocStats(SCOPE);
    expect(stats).toMatchObject({ queued: queue.length, reviewed: reviewed.length, oldestQueuedAt: queue[0]?.createdAt });
  });

  it("refuses a review of a verdict that was not routed auto", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "h", route: "human" }));
    await expect(reviewPostHoc(store, "h", { finding: "wrong" })).rejects.toThrow(/auto-routed verdict \(this one was routed human\)/);
  });
});

describe("a wrong post-hoc review", () => {
  it("trips the breaker of the auto scope, audited, and counts as a missed escalation", async () => {
    await autoScope();
    const executed = await routeAndRecord(store, assessed("sent", true), meta("sent", 1));
    expect(executed.route).toBe("auto");
    const before = (await computeStatus(store, { scope: SCOPE }))[0];
    expect(before?.missedEscalationRate).toBeNull();
    expect(before?.postHoc).toMatchObject({ queued: 1 });

    const result = await reviewPostHoc(store, "sent", { finding: "wrong", note: "stale pricing", by: "qa" });

    expect(result.tripped).toBe(true);
    expect(result.state).toMatchObject({ mode: "shadow", breaker: "open" });
    const kinds = (await store.listAudit({ scope: SCOPE })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["post_hoc_review", "breaker_trip"]));
    const after = (await computeStatus(store, { scope: SCOPE }))[0];
    expect(after?.missedEscalationRate).toBe(1);
    expect(after?.postHoc).toMatchObject({ queued: 0, reviewed: 1, wrong: 1 });
  });

  it("an ok review leaves the breaker closed and the missed-escalation rate at 0", async () => {
    await autoScope();
    await routeAndRecord(store, assessed("fine", true), meta("fine", 1));
    const result = await reviewPostHoc(store, "fine", { finding: "ok" });
    expect(result.tripped).toBe(false);
    expect(result.state).toMatchObject({ mode: "auto", breaker: "closed" });
    expect((await computeStatus(store, { scope: SCOPE }))[0]?.missedEscalationRate).toBe(0);
  });

  it("does not trip a scope judged since under another provenance key", async () => {
    await autoScope();
    await routeAndRecord(store, assessed("old", true), meta("old", 1));
    await store.setProvenanceKey(SCOPE, provenance(2).provenanceKey);
    const result = await reviewPostHoc(store, "old", { finding: "wrong" });
    expect(result.tripped).toBe(false);
    expect((await computeStatus(store, { scope: SCOPE }))[0]?.missedEscalationRate).toBe(1);
  });
});
