import type { GoldenResult, GoldenRunReport } from "../../evals/run-goldens.js";

/** A hand-built result for report-format tests (JUnit, summary, table). */
export function goldenResult(overrides: Partial<GoldenResult> = {}): GoldenResult {
  return {
    suite: "goldens/gate",
    id: "clean-pass",
    description: "A clean pass.",
    file: "goldens/gate/clean-pass.json",
    ok: true,
    differences: [],
    expected: { passed: true },
    got: { passed: true, composite: 0.9, scores: { step: 0.9, trajectory: 0.9, outcome: 0.9 }, violations: [] },
    durationMs: 3,
    ...overrides,
  };
}

/** A report of one suite per name, computed from its results. */
export function goldenReport(suites: Record<string, GoldenResult[]>): GoldenRunReport {
  const list = Object.entries(suites).map(([name, results]) => {
    const passed = results.filter((r) => r.ok).length;
    return { name, results, passed, total: results.length, passRate: passed / results.length, durationMs: 10 };
  });
  const all = list.flatMap((s) => s.results);
  const passed = all.filter((r) => r.ok).length;
  return { suites: list, passed, total: all.length, passRate: passed / all.length, live: false };
}
