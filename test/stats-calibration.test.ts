import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarize, tally } from "../src/stats/agreement.js";
import { brierScore, levelAgreement, recount, reliabilityTable, rollingAgreement, tune, type CalibrationRecord } from "../src/stats/calibration.js";

const rec = (composite: number | null, decision: CalibrationRecord["decision"], extra: Partial<CalibrationRecord> = {}): CalibrationRecord => ({
  composite,
  passed: composite !== null && composite >= 0.8,
  hardViolation: false,
  levels: composite === null ? [] : [{ level: "outcome", score: composite }],
  decision,
  mode: "shadow",
  ...extra,
});

const FIXTURE: CalibrationRecord[] = [
  rec(0.95, "approve"),
  rec(0.85, "approve"),
  rec(0.85, "reject"),
  rec(0.55, "edit"),
  rec(0.15, "reject"),
  rec(null, "approve"),
];

describe("reliability table and Brier score", () => {
  it("match the hand-computed values on the fixture", () => {
    const table = reliabilityTable(FIXTURE);
    const filled = table.filter((b) => b.n > 0).map((b) => [b.from, b.n, b.approved, b.approveRate]);
    expect(filled).toEqual([
      [0.1, 1, 0, 0],
      [0.5, 1, 0, 0],
      [0.8, 2, 1, 0.5],
      [0.9, 1, 1, 1],
    ]);
    expect(table[8]?.meanComposite).toBeCloseTo(0.85, 12);
    // (0.05² + 0.15² + 0.85² + 0.55² + 0.15²) / 5
    expect(brierScore(FIXTURE)).toBeCloseTo(1.0725 / 5, 12);
  });

  it("put a composite of exactly 1 in the top bucket and have no Brier score without composites", () => {
    expect(reliabilityTable([rec(1, "approve")])[9]?.n).toBe(1);
    expect(brierScore([rec(null, "approve")])).toBeNull();
  });
});

describe("per-level and rolling agreement", () => {
  it("reads each level alone against the threshold", () => {
    const records = [
      rec(0.9, "approve", { levels: [{ level: "step", score: 0.9 }, { level: "outcome", score: 0.3 }] }),
      rec(0.9, "reject", { levels: [{ level: "step", score: 0.9 }, { level: "outcome", score: 0.2 }] }),
    ];
    expect(levelAgreement(records, 0.8)).toEqual([
      { level: "step", n: 2, agreement: 0.5 },
      { level: "outcome", n: 2, agreement: 0.5 },
    ]);
  });

  it("shows the newest window of each mode next to the cumulative figure", () => {
    const records = [rec(0.9, "reject", { mode: "auto" }), rec(0.9, "approve", { mode: "auto" }), ...Array.from({ length: 4 }, () => rec(0.9, "approve"))];
    expect(rollingAgreement(records, 1)).toEqual({
      window: 1,
      cumulative: { n: 6, agreement: 5 / 6 },
      shadow: { n: 1, agreement: 1 },
      auto: { n: 1, agreement: 0 },
    });
  });
});

describe("tune", () => {
  it("recounts the fixture by hand: threshold 0.8 with floor 0.5, and 0.9 with floor 0.3", () => {
    expect(recount(FIXTURE, 0.8, 0.5)).toEqual({ passThreshold: 0.8, lowConfidenceFloor: 0.5, n: 5, agreement: 0.6, rejectedPasses: 1, autonomyRate: 0.5, escalationRate: 1 / 6 });
    expect(recount(FIXTURE, 0.9, 0.3)).toMatchObject({ n: 5, agreement: 0.6, rejectedPasses: 0, autonomyRate: 1 / 6 });
  });

  it("each candidate reproduces the agreement and rejected passes the flip's own counting gives", () => {
    const record = fc.record({
      composite: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      decision: fc.constantFrom("approve" as const, "edit" as const, "reject" as const),
      hard: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (rows) => {
        const records = rows.map((r) => rec(r.composite, r.decision, { hardViolation: r.hard }));
        return tune(records).candidates.every((c) => {
          const kept = records.filter((r) => !(r.composite !== null && r.composite < c.lowConfidenceFloor));
          const counted = summarize(tally(kept.map((r) => ({ passed: r.composite !== null && r.composite >= c.passThreshold && !r.hardViolation, decision: r.decision }))));
          return c.n === counted.n && c.agreement === counted.agreement && c.rejectedPasses === counted.rejectedPasses;
        });
      }),
    );
  });

  it("recommends the most autonomous candidate with no rejected pass and enough agreement", () => {
    const history = [...Array.from({ length: 8 }, () => rec(0.92, "approve")), rec(0.82, "reject"), rec(0.6, "edit"), rec(0.2, "reject")];
    const { recommended } = tune(history);
    // 0.85 and 0.9 both pass exactly the eight approved drafts: the tie goes to the stricter bar.
    expect(recommended).toMatchObject({ passThreshold: 0.9, rejectedPasses: 0, autonomyRate: 8 / 11 });
    expect(tune([rec(0.9, "reject")]).recommended).toBeNull();
  });
});
