import { describe, expect, it } from "vitest";
import { SEED_FLIP_POLICY } from "../src/stats/policy.js";
import { checkSwingBack } from "../src/stats/swing-back.js";
import type { DecisionType } from "../src/types.js";

type Entry = { passed: boolean; decision: DecisionType };
const agreeing = (count: number): Entry[] => Array.from({ length: count }, () => ({ passed: true, decision: "approve" }));
const disagreeing = (count: number): Entry[] => Array.from({ length: count }, () => ({ passed: true, decision: "edit" }));
const skips = (count: number): Entry[] => Array.from({ length: count }, () => ({ passed: true, decision: "skip" }));
const REJECTED_PASS: Entry = { passed: true, decision: "reject" };

describe("swing-back breaker (DESIGN §5)", () => {
  it("trips at once on a single rejected pass, before any minimum sample", () => {
    const result = checkSwingBack([REJECTED_PASS], SEED_FLIP_POLICY);
    expect(result).toMatchObject({ trip: true, n: 1 });
    expect(result.reason).toBe("1 rejected pass in the latest 1 decided auto-mode verdict");
  });

  it("trips on a rejected pass among many agreeing verdicts", () => {
    expect(checkSwingBack([...agreeing(30), REJECTED_PASS, ...agreeing(10)], SEED_FLIP_POLICY).trip).toBe(true);
  });

  it("does not trip on low agreement below the minimum sample (9 decided, 5 agreeing)", () => {
    expect(checkSwingBack([...disagreeing(4), ...agreeing(5)], SEED_FLIP_POLICY)).toEqual({ trip: false, n: 9, agreement: 5 / 9 });
  });

  it("trips on low agreement once the minimum sample is reached (10 decided, 7 agreeing)", () => {
    const result = checkSwingBack([...disagreeing(3), ...agreeing(7)], SEED_FLIP_POLICY);
    expect(result.trip).toBe(true);
    expect(result.reason).toBe("agreement 0.70 (7/10) in the latest 10 decided auto-mode verdicts, below 0.80");
  });

  it("does not trip at agreement exactly at the threshold (8/10)", () => {
    expect(checkSwingBack([...disagreeing(2), ...agreeing(8)], SEED_FLIP_POLICY).trip).toBe(false);
  });

  it("ignores skips: they neither fill the window nor count as samples", () => {
    const recent = [...skips(20), ...disagreeing(4), ...skips(3), ...agreeing(5)];
    expect(checkSwingBack(recent, SEED_FLIP_POLICY)).toEqual({ trip: false, n: 9, agreement: 5 / 9 });
  });

  it("looks only at the newest window of decided verdicts", () => {
    // Newest first: 50 agreeing fill the window, so older disagreements and rejected passes are out.
    const recent = [...agreeing(50), ...disagreeing(40), REJECTED_PASS];
    expect(checkSwingBack(recent, SEED_FLIP_POLICY)).toEqual({ trip: false, n: 50, agreement: 1 });
  });

  it("a skipped draft inside the window does not push an older rejected pass out of it", () => {
    const policy = { ...SEED_FLIP_POLICY, swingBackWindow: 5 };
    expect(checkSwingBack([...skips(1), ...agreeing(4), REJECTED_PASS], policy).trip).toBe(true);
  });

  it("does not trip without evidence", () => {
    expect(checkSwingBack([], SEED_FLIP_POLICY)).toEqual({ trip: false, n: 0, agreement: null });
  });
});
