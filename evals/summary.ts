import type { GoldenRunReport } from "./run-goldens.js";

/** What the summary says about the run besides the results. */
export interface SummaryContext {
  /** The pass-rate bar every suite must reach. */
  bar: number;
  /** Who judged: "scripted replies" or the live model id. */
  judge: string;
}

/** A Markdown summary (GitHub step summary friendly): one row per suite, then every failing case. */
export function toMarkdownSummary(report: GoldenRunReport, context: SummaryContext): string {
  const verdict = report.suites.every((s) => s.passRate >= context.bar) ? "passed" : "FAILED";
  const lines = [
    `## autonomy-gate eval: ${verdict}`,
    "",
    `Bar: every suite's pass rate ≥ ${context.bar.toFixed(2)}. Judge: ${cell(context.judge)}.`,
    "",
    "| Suite | Cases | Passed | Pass rate | Meets bar |",
    "|---|---:|---:|---:|:---:|",
    ...report.suites.map(
      (s) => `| ${cell(s.name)} | ${s.total} | ${s.passed} | ${s.passRate.toFixed(2)} | ${s.passRate >= context.bar ? "yes" : "**no**"} |`,
    ),
    `| **all** | ${report.total} | ${report.passed} | ${report.passRate.toFixed(2)} | |`,
  ];
  const failed = report.suites.flatMap((s) => s.results.filter((r) => !r.ok));
  if (failed.length > 0) {
    lines.push("", "### Failing cases", "", "| Suite | Case | Differing fields | Detail |", "|---|---|---|---|");
    for (const r of failed) {
      const detail = r.differences.map((d) => `${d.field}: expected ${d.expected}, got ${d.got}`).join("; ");
      lines.push(`| ${cell(r.suite)} | ${cell(r.id)} | ${cell(r.differences.map((d) => d.field).join(", "))} | ${cell(detail)} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function cell(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
