import { FakeListChatModel } from "@langchain/core/utils/testing";
import type { BaseMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import type { GoldenCase } from "../evals/golden-schema.js";
import type { GoldenSuite } from "../evals/load-goldens.js";
import { meetsBar, runGoldens } from "../evals/run-goldens.js";
import { GateConfigError } from "../src/errors.js";

/** A judge that always scores 0.9 after a short wait and records how many calls overlap. */
class OverlapJudge extends FakeListChatModel {
  inFlight = 0;
  maxInFlight = 0;
  constructor() {
    super({ responses: [JSON.stringify({ reasoning: "fine", score: 0.9 })] });
  }
  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"]) {
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 15));
    this.inFlight--;
    return super._generate(messages, options);
  }
}

const golden = (id: string, passed = true): GoldenCase => ({
  id,
  description: "runner fixture",
  input: { goal: "Book a call", steps: [{ name: "compose", output: "done" }], draft: "Hi Dana,\n\nWorth a short call next Tuesday?\n\nSam" },
  expected: { passed },
});
const suite = (name: string, cases: GoldenCase[]): GoldenSuite => ({ name, dir: name, cases: cases.map((g) => ({ file: `${name}/${g.id}.json`, golden: g })) });
const six = suite("s", ["a", "b", "c", "d", "e", "f"].map((id) => golden(id)));

describe("golden runner", () => {
  it("keeps at most `concurrency` cases in flight (each case's three level calls overlap)", async () => {
    const one = new OverlapJudge();
    await runGoldens([six], { judge: one, concurrency: 1 });
    expect(one.maxInFlight).toBe(3);
    const two = new OverlapJudge();
    await runGoldens([six], { judge: two, concurrency: 2 });
    expect(two.maxInFlight).toBe(6);
  });

  it("reports progress once per case with the running count", async () => {
    const seen: Array<[string, number, number]> = [];
    await runGoldens([six], { concurrency: 3, onResult: (r, done, total) => void seen.push([r.id, done, total]) });
    expect(seen.map(([, done]) => done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(seen.map(([id]) => id)).size).toBe(6);
  });

  it("judges the bar per suite: one weak suite fails it even when the total would pass", async () => {
    // The judge scores everything 0.9, so every draft passes: "x" expecting a fail is the one miss.
    const strong = suite("strong", ["a", "b", "c", "d", "e", "f", "g", "h"].map((id) => golden(id)));
    const weak = suite("weak", [golden("x", false), golden("y")]);
    const report = await runGoldens([strong, weak], { judge: new OverlapJudge() });
    expect(report.passRate).toBe(0.9);
    expect(report.suites.map((s) => s.passRate)).toEqual([1, 0.5]);
    expect(meetsBar(report, 0.8)).toBe(false);
    expect(meetsBar(report, 0.5)).toBe(true);
  });

  it("rejects an invalid concurrency with GateConfigError naming it", async () => {
    await expect(runGoldens([six], { concurrency: 0 })).rejects.toThrow(GateConfigError);
    await expect(runGoldens([six], { concurrency: 0 })).rejects.toThrow(/concurrency/);
  });
});
