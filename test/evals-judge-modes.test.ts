// Every shipped golden in both judge modes: each passes in each, and the two modes reach the same
// verdict (pass/fail, composite, level scores, violation codes, route) case by case.
import { describe, expect, it } from "vitest";
import type { GoldenObservation } from "../evals/compare.js";
import { loadGoldenSuites } from "../evals/load-goldens.js";
import { runGoldens, type GoldenResult } from "../evals/run-goldens.js";

const suites = await loadGoldenSuites(["goldens/gate", "goldens/outreach"]);
const [perLevel, combined] = await Promise.all([runGoldens(suites, { concurrency: 8 }), runGoldens(suites, { concurrency: 8, judgeMode: "combined" })]);
const results = (report: typeof perLevel) => report.suites.flatMap((s) => s.results);
const failures = (list: GoldenResult[]) => list.filter((r) => !r.ok).map((r) => `${r.id}: ${r.differences.map((d) => `${d.field} expected ${d.expected}, got ${d.got}`).join("; ")}`);

/** What the verdict says, without the call counts (which differ by design). */
function verdictOf(got: GoldenObservation | null) {
  if (!got) return null;
  const violations = got.violations.map((v) => `${v.level}:${v.code}:${v.severity}`).sort();
  return { passed: got.passed, composite: got.composite, scores: got.scores, violations, route: got.route };
}

describe("goldens in both judge modes", () => {
  it("pass every shipped case in per-level mode and in combined mode", () => {
    expect(failures(results(perLevel))).toEqual([]);
    expect(failures(results(combined))).toEqual([]);
    expect(perLevel.passRate).toBe(1);
    expect(combined.passRate).toBe(1);
  });

  it("reach the same verdict in both modes on every shipped case", () => {
    const combinedById = new Map(results(combined).map((r) => [`${r.suite}/${r.id}`, r]));
    expect(combinedById.size).toBe(results(perLevel).length);
    for (const r of results(perLevel)) {
      expect(verdictOf(combinedById.get(`${r.suite}/${r.id}`)?.got ?? null), `${r.suite}/${r.id}`).toEqual(verdictOf(r.got));
    }
  });

  it("makes one combined call per case that judges at all, two when a reply needs the retry", () => {
    const calls = results(combined).map((r) => r.got?.combinedCalls);
    expect(calls.every((n) => n !== undefined && n <= 2)).toBe(true);
    const malformed = results(combined).find((r) => r.id === "malformed-then-valid-retry");
    expect(malformed?.got?.combinedCalls).toBe(2);
    const kill = results(combined).find((r) => r.id === "kill-switch");
    expect(kill?.got?.combinedCalls).toBe(0);
  });
});
