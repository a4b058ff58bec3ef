import { describe, expect, it } from "vitest";
import { addDecision, agrees, EMPTY_COUNTS, isRejectedPass, summarize, tally } from "../src/stats/agreement.js";
import type { DecisionType } from "../src/types.js";
import { counts } from "./helpers/stats-counts.js";

describe("agreement semantics (DESIGN §5)", () => {
  const table: Array<{ passed: boolean; decision: DecisionType; agree: boolean | null; rejectedPass: boolean }> = [
    { passed: true, decision: "approve", agree: true, rejectedPass: false },
    { passed: true, decision: "edit", agree: false, rejectedPass: false },
    { passed: true, decision: "reject", agree: false, rejectedPass: true },
    { passed: true, decision: "skip", agree: null, rejectedPass: false },
    { passed: false, decision: "approve", agree: false, rejectedPass: false },
    { passed: false, decision: "edit", agree: true, rejectedPass: false },
    { passed: false, decision: "reject", agree: true, rejectedPass: false },
    { passed: false, decision: "skip", agree: null, rejectedPass: false },
  ];

  it.each(table)("a $decision on a gate pass=$passed: agrees=$agree, rejected pass=$rejectedPass", (row) => {
    expect(agrees(row.passed, row.decision)).toBe(row.agree);
    expect(isRejectedPass(row.passed, row.decision)).toBe(row.rejectedPass);
  });

  it("an edit on a pass is counted as a disagreement", () => {
    const s = summarize(addDecision(EMPTY_COUNTS, true, "edit"));
    expect(s).toMatchObject({ n: 1, agree: 0, agreement: 0, rejectedPasses: 0, editedPasses: 1 });
  });

  it("an edit and a reject on a fail both count as agreement", () => {
    const s = summarize(tally([{ passed: false, decision: "edit" }, { passed: false, decision: "reject" }]));
    expect(s).toMatchObject({ n: 2, agree: 2, agreement: 1 });
  });

  it("an approve on a fail is counted as a disagreement", () => {
    expect(summarize(addDecision(EMPTY_COUNTS, false, "approve"))).toMatchObject({ n: 1, agree: 0, approvedFails: 1 });
  });

  it("a skip counts nowhere", () => {
    const before = counts({ passApprove: 3, failReject: 1 });
    expect(addDecision(before, true, "skip")).toEqual(before);
    expect(addDecision(before, false, "skip", -1)).toEqual(before);
    expect(summarize(tally([{ passed: true, decision: "skip" }, { passed: false, decision: "skip" }])).n).toBe(0);
  });
});

describe("addDecision", () => {
  it("returns new counts and leaves its input untouched", () => {
    const before = counts({ passApprove: 1 });
    const after = addDecision(before, true, "approve");
    expect(after.passApprove).toBe(2);
    expect(before.passApprove).toBe(1);
  });

  it("withdraws a decision with delta -1, so a changed decision can be moved between cells", () => {
    const approved = tally([{ passed: true, decision: "approve" }]);
    const changed = addDecision(addDecision(approved, true, "approve", -1), true, "reject");
    expect(changed).toEqual(counts({ passReject: 1 }));
  });

  it("refuses to drive a cell below zero", () => {
    expect(() => addDecision(EMPTY_COUNTS, true, "reject", -1)).toThrow(/passReject would become -1/);
  });

  it("refuses a fractional delta", () => {
    expect(() => addDecision(EMPTY_COUNTS, true, "approve", 0.5)).toThrow(/integer/);
  });
});

describe("summarize", () => {
  it("reports no agreement and no pass precision when nothing is decided", () => {
    expect(summarize(EMPTY_COUNTS)).toMatchObject({ n: 0, agreement: null, passPrecision: null });
  });

  it("reports pass precision as the approve rate among passes, whatever the fails", () => {
    // 6 passes: 3 approved, 2 edited, 1 rejected -> precision 3/6; fails do not enter it.
    const s = summarize(counts({ passApprove: 3, passEdit: 2, passReject: 1, failApprove: 4, failEdit: 5 }));
    expect(s.passPrecision).toBe(0.5);
    expect(s).toMatchObject({ n: 15, passes: 6, fails: 9, agree: 8, rejectedPasses: 1 });
    expect(s.agreement).toBeCloseTo(8 / 15, 12);
  });

  it("reports no pass precision when the gate has passed nothing", () => {
    expect(summarize(counts({ failReject: 4 })).passPrecision).toBeNull();
  });
});
