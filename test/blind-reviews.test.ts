import { isInterrupted } from "@langchain/langgraph";
import { afterEach, describe, expect, it } from "vitest";
import { computeStatus } from "../src/decisions/status.js";
import { reviewerReport, type ReviewRecord } from "../src/stats/reviewers.js";
import type { DecisionType } from "../src/types.js";
import { outreachHarness, prospect } from "./helpers/nodes-outreach.js";

const cfg = (thread: string) => ({ configurable: { thread_id: thread } });
let harness: ReturnType<typeof outreachHarness>;
afterEach(() => harness?.store.close());

async function interrupts(count: number) {
  harness = outreachHarness();
  const payloads: Array<Record<string, any>> = [];
  for (let i = 0; i < count; i++) {
    const thread = `t-blind-${i}`;
    const result = await harness.graph.invoke({ prospect: prospect(thread, "clean") }, cfg(thread));
    if (!isInterrupted(result)) throw new Error("expected the approval interrupt");
    payloads.push(result.__interrupt__[0]?.value as Record<string, any>);
  }
  return payloads;
}

describe("blind reviews (DESIGN §5)", () => {
  it("a blind shadow interrupt carries no verdict, score or rationale, while its verdict is still computed and stored", async () => {
    const payloads = await interrupts(20);
    const blind = payloads.filter((p) => p.gate.blind === true);
    const seen = payloads.filter((p) => p.gate.blind !== true);
    expect(blind.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(blind.length);
    for (const p of blind) {
      expect(Object.keys(p.gate).sort()).toEqual(["blind", "mode", "scope", "stored", "verdictId"]);
      expect(p.actionRequests[0].description).toBeUndefined();
      const stored = await harness.store.getVerdict(p.gate.verdictId);
      expect(stored).toMatchObject({ blind: true, passed: true, rationale: expect.any(String) });
      expect(stored?.composite).toEqual(expect.any(Number));
    }
    for (const p of seen) {
      expect(p.gate).toMatchObject({ passed: true, rationale: expect.any(String) });
      expect((await harness.store.getVerdict(p.gate.verdictId))?.blind).toBeUndefined();
    }
  });

  it("the draw is deterministic: the same draft is blind on every run", async () => {
    const first = (await interrupts(10)).map((p) => p.gate.blind === true);
    harness.store.close();
    const second = (await interrupts(10)).map((p) => p.gate.blind === true);
    expect(second).toEqual(first);
  });

  it("status reports agreement on blind reviews apart from agreement on seen reviews", async () => {
    const payloads = await interrupts(20);
    // The reviewer approves what they are shown passing, and rejects every blind one.
    for (const p of payloads) {
      await harness.gate.decide(p.gate.verdictId, { type: p.gate.blind ? "reject" : "approve", by: "sam" });
    }
    const [status] = await computeStatus(harness.store, { scope: "outreach:first_touch" });
    const blindN = payloads.filter((p) => p.gate.blind).length;
    expect(status?.reviews).toEqual({ blindN, blindAgreement: 0, seenN: 20 - blindN, seenAgreement: 1 });
  });
});

describe("reviewer report", () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
  function record(i: number, blind: boolean, passed: boolean, type: DecisionType, by: string, delayMs: number): ReviewRecord {
    return { passed, blind, createdAt: at(i * 1000), decision: { type, by, at: at(i * 1000 + delayMs) } };
  }

  it("flags a rubber-stamping reviewer: approves everything seen, decides blind ones at random", () => {
    let seed = 7;
    const coin = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 < 0.5);
    const records: ReviewRecord[] = [];
    for (let i = 0; i < 200; i++) {
      const passed = i % 5 !== 0; // the gate passes 80%
      const blind = i % 5 === 1 || i % 10 === 0; // about 20% blind
      records.push(record(i, blind, passed, blind ? (coin() ? "approve" : "reject") : "approve", "stamp", 2000));
      // An independent reviewer who agrees 90% of the time, seen or not.
      const agree = i % 10 !== 3;
      const careful: DecisionType = passed === agree ? "approve" : "edit";
      records.push(record(i, blind, passed, careful, "care", 40_000 + i));
    }
    const [care, stamp] = reviewerReport(records);
    expect(stamp).toMatchObject({ reviewer: "stamp", rubberStamp: true, approveRate: expect.any(Number), medianDecisionMs: 2000 });
    expect((stamp?.seenAgreement ?? 0) - (stamp?.blindAgreement ?? 1)).toBeGreaterThan(0.15);
    expect(care).toMatchObject({ reviewer: "care", rubberStamp: false });
    expect(care?.medianDecisionMs).toBeGreaterThan(40_000);
  });

  it("does not flag a reviewer on too few blind reviews", () => {
    const records = [record(0, true, true, "reject", "new", 1000), ...Array.from({ length: 9 }, (_, i) => record(i + 1, false, true, "approve", "new", 1000))];
    expect(reviewerReport(records)[0]).toMatchObject({ blindN: 1, blindAgreement: 0, seenAgreement: 1, rubberStamp: false });
  });

  it("reports the approve rate and the median time from verdict to decision", () => {
    const records = [record(0, false, true, "approve", "a", 1000), record(1, false, false, "edit", "a", 3000), record(2, false, true, "approve", "a", 8000)];
    expect(reviewerReport(records)[0]).toMatchObject({ decided: 3, approveRate: 2 / 3, medianDecisionMs: 3000 });
  });
});
