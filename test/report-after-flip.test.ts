import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateReport } from "../src/report/generate-report.js";
import type { GateStore } from "../src/store/types.js";
import type { DecisionType } from "../src/types.js";
import { makeVerdict, memoryStore } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
const NOW = new Date("2025-01-04T12:00:00.000Z");

/**
 * One shadow scope, hand-countable:
 * - decided (shadow): composites 0.92 approve, 0.92 approve, 0.82 reject, 0.2 reject (passed = ≥ 0.8);
 *   levels step 0.9 and trajectory 0.85 on each (outcome unscored);
 * - auto, post-hoc sampled: a1 reviewed wrong, a2 reviewed ok, a3 queued (created 2025-01-01T00:00:03);
 * - escalations: `loop` on 2025-01-02 and 2024-12-20, `sensitive` on 2024-11-01; one plain verdict.
 * 11 verdicts: 9 in the last 7 days, 10 in the last 30.
 */
let store: GateStore;
let html: string;
beforeAll(async () => {
  store = memoryStore({ now: () => NOW });
  await store.setProvenanceKey(SCOPE, "pk-1");
  const decided: Array<[number, DecisionType]> = [
    [0.92, "approve"],
    [0.92, "approve"],
    [0.82, "reject"],
    [0.2, "reject"],
  ];
  for (const [i, [composite, type]] of decided.entries()) {
    await store.saveVerdict(makeVerdict({ id: `c-${i}`, composite, passed: composite >= 0.8, decision: { type, at: `2025-01-02T00:00:0${i}.000Z` } }));
  }
  // Three executed auto-approvals, stored while the scope was in auto mode on its provenance key.
  await store.setMode(SCOPE, "auto", { actor: "test", forced: true });
  const onKey = { ...makeVerdict().provenance, provenanceKey: "pk-1" };
  for (const i of [1, 2, 3]) {
    await store.saveVerdict(makeVerdict({ id: `a${i}`, route: "auto", mode: "auto", provenance: onKey, postHocSampled: true, createdAt: `2025-01-01T00:00:0${i}.000Z` }));
  }
  await store.setMode(SCOPE, "shadow", { actor: "test" });
  await store.recordPostHocReview("a1", { finding: "wrong", note: "stale facts" });
  await store.recordPostHocReview("a2", { finding: "ok" });
  await store.saveVerdict(makeVerdict({ id: "e1", route: "escalate", passed: false, escalation: ["loop"], createdAt: "2025-01-02T00:00:00.000Z" }));
  await store.saveVerdict(makeVerdict({ id: "e2", route: "escalate", passed: false, escalation: ["loop"], createdAt: "2024-12-20T00:00:00.000Z" }));
  await store.saveVerdict(makeVerdict({ id: "e3", route: "escalate", passed: false, escalation: ["sensitive"], createdAt: "2024-11-01T00:00:00.000Z" }));
  await store.saveVerdict(makeVerdict({ id: "plain", createdAt: "2025-01-03T00:00:00.000Z" }));
  html = await generateReport(store, { now: () => NOW });
});
afterAll(() => store.close());

/** The text of the stat card with this test id. */
const card = (testId: string) => html.match(new RegExp(`data-testid="${testId}"><b>([^<]*)</b>`))?.[1];
/** The body rows of the table with this test id, as cell texts. */
function rows(testId: string): string[][] {
  const table = html.match(new RegExp(`<table class="figures" data-testid="${testId}">([\\s\\S]*?)</table>`))?.[1] ?? "";
  const body = table.split("<tbody>")[1] ?? "";
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...(r[1] ?? "").matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1] ?? ""));
}

describe("the report's after-the-flip figures", () => {
  it("shows the post-hoc queue's size and the age of its oldest entry", () => {
    expect([card("stat-post-hoc-queue"), card("stat-post-hoc-age")]).toEqual(["1", "3d"]);
  });

  it("shows the post-hoc review findings, ok and wrong, and the missed-escalation rate they give", () => {
    expect([card("stat-post-hoc-ok"), card("stat-post-hoc-wrong"), card("stat-missed-escalation")]).toEqual(["1", "1", "0.50"]);
  });

  it("shows the reliability table: approve rate per non-empty composite bucket", () => {
    expect(rows("table-reliability")).toEqual([
      ["0.2–0.3", "1", "0", "0.00"],
      ["0.8–0.9", "1", "0", "0.00"],
      ["0.9–1.0", "2", "2", "1.00"],
    ]);
  });

  it("shows the Brier score of the composite", () => {
    // ((0.92 − 1)² · 2 + 0.82² + 0.2²) / 4 = 0.7252 / 4 = 0.1813
    expect(card("stat-brier")).toBe("0.181");
  });

  it("shows each level's agreement alone", () => {
    // step 0.9 and trajectory 0.85 pass on all four: they agree with the two approvals only.
    expect(rows("table-levels")).toEqual([
      ["step", "4", "0.50"],
      ["trajectory", "4", "0.50"],
    ]);
  });

  it("shows rolling-window agreement in shadow and auto beside the cumulative figure", () => {
    // Three of four agree (the passed 0.82 was rejected); no decided verdict in auto.
    expect(rows("table-rolling")).toEqual([
      ["cumulative", "4", "0.75"],
      ["latest 50 shadow", "4", "0.75"],
      ["latest 50 auto", "0", "–"],
    ]);
  });

  it("shows the level with its role and seed 000's autonomy-rate band", () => {
    // 3 of 11 verdicts routed auto: 0.27, pairing. A new scope in shadow is guidance-seeking: L2.
    expect([card("stat-level"), card("stat-autonomy-band")]).toEqual(["L2 collaborator", "pairing (20–40%)"]);
  });

  it("shows the escalation rate per trigger over 7 days, 30 days and all history", () => {
    // loop: 1/9, 2/10, 2/11; sensitive: 0/9, 0/10, 1/11.
    expect(rows("table-triggers")).toEqual([
      ["loop", "0.11", "0.20", "0.18"],
      ["sensitive", "0.00", "0.00", "0.09"],
    ]);
    expect(html).toContain("verdicts: 9 in 7 days, 10 in 30 days, 11 in all");
  });

  it("escapes host-supplied trigger codes", async () => {
    await store.saveVerdict(makeVerdict({ id: "x", route: "escalate", escalation: ['<b onclick="x">'], createdAt: "2025-01-03T00:00:00.000Z" }));
    const escaped = await generateReport(store, { now: () => NOW });
    expect(escaped).not.toContain('<b onclick="x">');
    expect(escaped).toContain("&lt;b onclick=&quot;x&quot;&gt;");
  });
});
