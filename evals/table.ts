import { LEVELS } from "../src/types.js";
import type { GoldenResult, GoldenRunReport } from "./run-goldens.js";

const HEADERS = ["case", "expected", "got", ...LEVELS, "violations", "result"];
const MAX_CELL = 60;
/** Columns that give up width first when the table is too wide, widest first among them. */
const FLEXIBLE = new Set([0, 1, 2, HEADERS.length - 2, HEADERS.length - 1]);
/** Narrowest a flexible column gets. */
const MIN_FLEX = 8;
const GAP = 2;

/** Options of {@link toResultTable}. */
export interface ResultTableOptions {
  /** Terminal width the table must fit; cells are truncated with "..." to fit. @default no limit */
  width?: number;
}

/**
 * A plain-text table per suite: case, expected, got, level scores, violations (`*` = hard), result.
 * With `width`, no line is longer than it (down to a floor where every column keeps a few
 * characters): the widest of case, expected, got, violations and result shrink first; the scores
 * never do. Truncated cells end in "..."; the failure details after the table are never cut.
 */
export function toResultTable(report: GoldenRunReport, options: ResultTableOptions = {}): string {
  const blocks = report.suites.map((suite) => {
    const rows = suite.results.map(row);
    const title = `${suite.name}: ${suite.passed}/${suite.total} passed (pass rate ${suite.passRate.toFixed(2)})`;
    return `${clip(title, options.width)}\n${render([HEADERS, ...rows], options.width)}`;
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

function clip(text: string, width: number | undefined): string {
  return width === undefined || text.length <= width ? text : `${text.slice(0, Math.max(0, width - 3))}...`;
}

/** Column widths: natural (capped), then the widest flexible column shrinks until the line fits. */
export function fitWidths(natural: number[], width: number | undefined): number[] {
  const widths = natural.map((w) => Math.min(w, MAX_CELL));
  if (width === undefined) return widths;
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (FLEXIBLE.has(i) && w > MIN_FLEX && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

function render(rows: string[][], width: number | undefined): string {
  const natural = HEADERS.map((_, i) => Math.max(...rows.map((cols) => (cols[i] ?? "").length)));
  const widths = fitWidths(natural, width);
  const cell = (c: string, w: number) => (c.length > w ? `${c.slice(0, Math.max(0, w - 3))}...` : c);
  const line = (cols: string[]) => cols.map((c, i) => cell(c, widths[i] ?? 0).padEnd(widths[i] ?? 0)).join(" ".repeat(GAP)).trimEnd();
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join(" ".repeat(GAP)), ...body.map(line)].join("\n");
}
