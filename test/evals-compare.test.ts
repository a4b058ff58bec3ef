import { describe, expect, it } from "vitest";
import { compareGolden, type GoldenObservation } from "../evals/compare.js";

const got: GoldenObservation = {
  passed: false,
  composite: 0.6,
  scores: { step: 0.9, trajectory: null, outcome: 0.3 },
  violations: [{ code: "spam_phrase", severity: "hard", level: "outcome" }],
  route: "human",
  judgeCalls: { step: 1, trajectory: 1, outcome: 2 },
};

const fields = (expected: Parameters<typeof compareGolden>[0]) => compareGolden(expected, got).map((d) => d.field);

describe("comparing expected with got", () => {
  it("finds nothing when every expectation holds", () => {
    expect(
      fields({
        passed: false,
        violations: { include: ["spam_phrase"], exclude: ["empty_draft"] },
        levels: { step: { min: 0.8 }, trajectory: { unscored: true }, outcome: { max: 0.5 } },
        route: { mode: "auto", is: "human" },
        judgeCalls: { outcome: 2, total: 4 },
      }),
    ).toEqual([]);
  });

  it("names each differing field", () => {
    expect(
      fields({
        passed: true,
        violations: { include: ["empty_draft"], exclude: ["spam_phrase"] },
        levels: { step: { max: 0.5 }, trajectory: { unscored: false, min: 0.1 }, outcome: { min: 0.5 } },
        route: { mode: "auto", is: "auto" },
        judgeCalls: { step: 0, total: 3 },
      }),
    ).toEqual([
      "passed",
      "violations.include",
      "violations.exclude",
      "levels.step.max",
      "levels.trajectory.unscored",
      "levels.trajectory.min",
      "levels.outcome.min",
      "route",
      "judgeCalls.step",
      "judgeCalls.total",
    ]);
  });

  it("treats a bound on a level that did not run as a difference", () => {
    const diffs = compareGolden({ passed: false, levels: { step: { min: 0 } } }, { ...got, scores: { outcome: 0.3 } });
    expect(diffs).toEqual([{ field: "levels.step", expected: "level to run", got: "level did not run" }]);
  });

  it("skips call-count expectations when calls were not counted (live judge)", () => {
    const { judgeCalls: _uncounted, ...live } = got;
    expect(compareGolden({ passed: false, judgeCalls: { total: 99 } }, live)).toEqual([]);
  });
});
