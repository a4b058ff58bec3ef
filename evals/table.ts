import { LEVELS } from "../src/types.js";
import type { GoldenResult, GoldenRunReport } from "./run-goldens.js";

const HEADERS = ["case", "expected", "got", ...LEVELS, "violations", "result"];
const MAX_CELL = 60;

/** A plain-text table per suite: case, expected, got, level scores, violations (`*` = hard), result. */
export function toResultTable(report: GoldenRunReport): string {
  const blocks = report.suites.map((suite) => {
    const rows = suite.results.map(row);
    const title = `${suite.name}: ${suite.passed}/${suite.total} passed (pass rate ${suite.passRate.toFixed(2)})`;
    return `${title}\n${render([HEADERS, ...rows])}`;
  });
  return `${blocks.join("\n\n")}\n(* hard violation; "unscored" = judge gave no usable score; "-" = level not run)\n`;
}

function row(r: GoldenResult): string[] {
  const expected = `${r.expected.passed ? "pass" : "fail"}${r.expected.route ? ` -> ${r.expected.route.is}` : ""}`;
  if (!r.got) return [r.id, expected, "error", ...LEVELS.map(() => "-"), "", `FAIL ${r.error ?? ""}`];
  const got = `${r.got.passed ? "pass" : "fail"}${r.got.route ? ` -> ${r.got.route}` : ""}`;
  const scores = LEVELS.map((level) => {
    const score = r.got?.scores[level];
    return score === undefined ? "-" : score === null ? "unscored" : score.toFixed(2);
  });
  const violations = r.got.violations.map((v) => `${v.code}${v.severity === "hard" ? "*" : ""}`).join(" ");
  const result = r.ok ? "ok" : `FAIL ${r.differences.map((d) => d.field).join(", ")}`;
  return [r.id, expected, got, ...scores, violations, result];
}

function render(rows: string[][]): string {
  const cells = rows.map((cols) => cols.map((c) => (c.length > MAX_CELL ? `${c.slice(0, MAX_CELL - 3)}...` : c)));
  const widths = HEADERS.map((_, i) => Math.max(...cells.map((cols) => (cols[i] ?? "").length)));
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  const [head, ...body] = cells;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
