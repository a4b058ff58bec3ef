import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evalCommand } from "../src/cli/commands/eval.js";
import { toResultTable } from "../evals/table.js";
import { captureIo } from "./helpers/evals-io.js";
import { goldenReport, goldenResult } from "./helpers/evals-report.js";

const longRun = () =>
  goldenReport({
    "goldens/outreach": [
      goldenResult({ id: "a-very-long-golden-case-identifier-that-goes-on-and-on-for-a-while" }),
      goldenResult({
        id: "failing-case",
        ok: false,
        differences: [{ field: "route", expected: "human", got: "auto" }, { field: "violations", expected: "x", got: "y" }],
        got: {
          passed: false,
          composite: 0.4,
          scores: { step: 0.4, trajectory: null, outcome: 0.55 },
          violations: ["unresolved_placeholder", "missing_disclaimer", "tone_too_casual", "banned_phrase"].map((code) => ({ code, severity: "hard", level: "outcome" as const })),
        },
      }),
    ],
  });

describe("eval result table width", () => {
  it("at 80 columns no line is longer, the scores are intact and cut cells end in ...", () => {
    const text = toResultTable(longRun(), { width: 80 });
    for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(text).toContain("unscored");
    expect(text).toMatch(/0\.40\s+unscored\s+0\.55/);
    expect(text).toMatch(/^a-very-l\.\.\.\s+pass/m);
  });

  it("without a width the table keeps its natural widths", () => {
    const text = toResultTable(longRun());
    expect(text).toContain("unresolved_placeholder* missing_disclaimer* tone_too_ca");
    expect(Math.max(...text.split("\n").map((l) => l.length))).toBeGreaterThan(150);
  });

  it("fits any width from 80 to 240 columns (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 80, max: 240 }), fc.string({ minLength: 1, maxLength: 120 }), (width, id) => {
        const report = goldenReport({ s: [goldenResult({ id }), ...longRun().suites[0]!.results] });
        return toResultTable(report, { width }).split("\n").every((line) => line.length <= width);
      }),
    );
  });

  it("`autonomy-gate eval` fits the table to $COLUMNS when stdout is not a terminal", async () => {
    const { io, stdout } = captureIo({ env: { COLUMNS: "90" } });
    await evalCommand.run(["goldens/gate"], io);
    const table = stdout().slice(stdout().indexOf("goldens/gate:"), stdout().indexOf("(* hard violation"));
    expect(table.split("\n").length).toBeGreaterThan(3);
    for (const line of table.split("\n")) expect(line.length, line).toBeLessThanOrEqual(90);
  });
});
