import type { GoldenResult, GoldenRunReport } from "./run-goldens.js";

/**
 * JUnit XML for CI: one <testsuite> per golden folder, one <testcase> per golden, a <failure>
 * naming the differing fields (or an <error> when the case could not run).
 */
export function toJUnitXml(report: GoldenRunReport): string {
  const failures = (rs: GoldenResult[]) => rs.filter((r) => !r.ok && r.error === undefined).length;
  const errors = (rs: GoldenResult[]) => rs.filter((r) => r.error !== undefined).length;
  const all = report.suites.flatMap((s) => s.results);
  const totalTime = report.suites.reduce((sum, s) => sum + s.durationMs, 0);

  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="autonomy-gate eval" tests="${all.length}" failures="${failures(all)}" errors="${errors(all)}" time="${seconds(totalTime)}">`,
  ];
  for (const suite of report.suites) {
    lines.push(
      `  <testsuite name="${attr(suite.name)}" tests="${suite.total}" failures="${failures(suite.results)}" errors="${errors(suite.results)}" skipped="0" time="${seconds(suite.durationMs)}">`,
    );
    for (const r of suite.results) lines.push(...testcase(suite.name, r));
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`, "");
  return lines.join("\n");
}

function testcase(suite: string, r: GoldenResult): string[] {
  const open = `    <testcase name="${attr(r.id)}" classname="${attr(suite)}" file="${attr(r.file)}" time="${seconds(r.durationMs)}"`;
  if (r.ok) return [`${open}/>`];
  const body = r.differences.map((d) => `${d.field}: expected ${d.expected}, got ${d.got}`).join("\n");
  const element = r.error !== undefined
    ? `      <error message="${attr(r.error)}" type="gate_error">${text(body)}</error>`
    : `      <failure message="${attr(`differs: ${r.differences.map((d) => d.field).join(", ")}`)}" type="golden_mismatch">${text(`${r.description}\n${body}`)}</failure>`;
  return [`${open}>`, element, `    </testcase>`];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

// XML 1.0 forbids most control characters even when escaped; drop them.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text content. */
export function text(value: string): string {
  return value.replace(INVALID_XML_CHARS, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes an attribute value (double-quoted); newlines are kept as character references. */
export function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
