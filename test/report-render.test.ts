import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reportCommand } from "../src/cli/commands/report.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { generateReport } from "../src/report/generate-report.js";
import { agreementSeries, thin } from "../src/report/series.js";
import { renderBarChart } from "../src/report/svg-bar-chart.js";
import { renderLineChart } from "../src/report/svg-line-chart.js";
import type { DecidedRecord } from "../src/store/ledger-types.js";
import type { GateStore } from "../src/store/types.js";
import { gateDraft, movableClock, recordingIo } from "./helpers/competence-fixtures.js";
import { memoryStore, tempDir } from "./helpers/store-fixtures.js";

let store: GateStore | undefined;
afterEach(() => store?.close());

const record = (i: number, passed: boolean, decision: DecidedRecord["decision"], epoch = 0): DecidedRecord => ({
  verdictId: `v${i}`,
  createdAt: `2025-01-0${i}T00:00:00.000Z`,
  decidedAt: `2025-01-0${i}T01:00:00.000Z`,
  passed,
  decision,
  mode: "shadow",
  route: "human",
  provenanceKey: "k",
  epoch,
  policyVersion: 0,
  decisionPolicyVersion: 0,
});

describe("report series", () => {
  it("agreement is cumulative with its Wilson interval and restarts with a new body of evidence", () => {
    const points = agreementSeries([record(1, true, "approve"), record(2, true, "edit"), record(3, true, "approve", 1)]);
    expect(points.map((p) => [p.n, p.agreement])).toEqual([
      [1, 1],
      [2, 0.5],
      [1, 1],
    ]);
    for (const p of points) expect(p.lower <= p.agreement && p.agreement <= p.upper).toBe(true);
  });

  it("thinning keeps the first and the last point and at most the maximum", () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const thinned = thin(items, 50);
    expect([thinned.length, thinned[0], thinned[49]]).toEqual([50, 0, 999]);
  });
});

describe("SVG charts", () => {
  it("a line chart with data draws a polyline with one coordinate pair per point and counts them", () => {
    const svg = renderLineChart({ testId: "c", title: "t", lines: [{ name: "a", className: "a", points: [{ x: 0, y: 0.2 }, { x: 10, y: 0.9 }] }] });
    expect(svg).toMatch(/data-points="2" data-empty="false"/);
    expect(svg.match(/<polyline[^>]* points="([^"]+)"/)?.[1]?.split(" ")).toHaveLength(2);
  });

  it("a chart without data says so instead of drawing an empty frame", () => {
    const svg = renderLineChart({ testId: "c", title: "t", lines: [{ name: "a", className: "a", points: [] }], emptyMessage: "No decided verdicts yet" });
    expect(svg).toMatch(/data-empty="true"/);
    expect(svg).toContain("No decided verdicts yet");
    expect(svg).not.toContain("<polyline");
  });

  it("a bar chart stacks one rect per non-zero cell", () => {
    const svg = renderBarChart({
      testId: "b",
      title: "t",
      categories: ["d1", "d2"],
      stacks: [
        { name: "approve", className: "approve", values: [2, 0] },
        { name: "reject", className: "reject", values: [1, 3] },
      ],
    });
    expect(svg.match(/<rect class="bar /g)).toHaveLength(3 + 2);
  });
});

describe("the HTML report", () => {
  it("is self-contained: no script, no external URL", async () => {
    store = memoryStore();
    await gateDraft(store, "s", "v1", true, new Date("2025-01-01T00:00:00Z"));
    const html = await generateReport(store, { now: () => new Date("2025-01-02T00:00:00Z") });
    expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(http/i);
    expect(html).toContain("<style>");
    expect(html).toContain('data-testid="chart-agreement"');
  });

  it("escapes scope names", async () => {
    store = memoryStore();
    const clock = movableClock();
    await gateDraft(store, '<img src=x onerror="alert(1)">', "v1", true, clock.now());
    const html = await generateReport(store);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("limits the report to one scope with the scope option", async () => {
    store = memoryStore();
    await gateDraft(store, "a", "v1", true, new Date("2025-01-01T00:00:00Z"));
    await gateDraft(store, "b", "v2", true, new Date("2025-01-01T00:00:00Z"));
    const html = await generateReport(store, { scope: "b" });
    expect(html).toContain('data-scope="b"');
    expect(html).not.toContain('data-scope="a"');
  });

  it("`autonomy-gate report --out FILE --scope S` writes the HTML file", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = `file:${join(dir, "gate.db")}`;
      const seeded = createGateStore({ url: db });
      await gateDraft(seeded, "a", "v1", true, new Date("2025-01-01T00:00:00Z"));
      seeded.close();
      const run = recordingIo(dir);
      expect(await reportCommand.run(["--db", db, "--out", "out/report.html", "--scope", "a"], run.io)).toBe(0);
      expect(run.stdout()).toContain(join(dir, "out", "report.html"));
      expect(readFileSync(join(dir, "out", "report.html"), "utf8")).toContain('data-scope="a"');
    } finally {
      cleanup();
    }
  });
});
