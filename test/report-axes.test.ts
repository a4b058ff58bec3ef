import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { generateReport } from "../src/report/generate-report.js";
import { bucketActivity } from "../src/report/series.js";
import { renderBarChart } from "../src/report/svg-bar-chart.js";
import { DEFAULT_FRAME, approxWidth, layoutRowLabels, timeAxis } from "../src/report/svg-frame.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import { gateDraft, movableClock, seedHistory } from "./helpers/competence-fixtures.js";
import { makeVerdict } from "./helpers/store-fixtures.js";

let store: GateStore | undefined;
afterEach(() => store?.close());

/** The `<svg>` of one chart of one scope. */
function chart(html: string, scope: string, testId: string): string {
  const section = html.slice(html.indexOf(`data-scope="${scope}"`));
  const start = section.indexOf(`data-testid="${testId}"`);
  return section.slice(start, section.indexOf("</svg>", start));
}

function xTicks(svg: string): Array<{ text: string; value: number; x: number }> {
  return [...svg.matchAll(/<text class="tick x-tick" x="([\d.]+)"[^>]*data-value="(\d+)">([^<]+)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    value: Number(m[2]),
    text: m[3] ?? "",
  }));
}

const yTicks = (svg: string) => [...svg.matchAll(/<text class="tick y-tick"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);

function expectDistinctAndMonotone(ticks: Array<{ text: string; value: number; x: number }>) {
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(new Set(ticks.map((t) => t.text)).size).toBe(ticks.length);
  for (let i = 1; i < ticks.length; i++) {
    expect(ticks[i]!.value).toBeGreaterThan(ticks[i - 1]!.value);
    expect(ticks[i]!.x).toBeGreaterThan(ticks[i - 1]!.x);
  }
}

let seeded: Promise<string> | undefined;
/** The six-week fixture history (two scopes, a breaker trip, a new provenance), rendered once. */
function seededReport(): Promise<string> {
  seeded ??= (async () => {
    const clock = movableClock();
    const history = createGateStore({ url: ":memory:", now: clock.now });
    try {
      await seedHistory(history, clock);
      return await generateReport(history);
    } finally {
      history.close();
    }
  })();
  return seeded;
}

async function oneDayReport(): Promise<string> {
  const clock = movableClock("2025-05-01T08:00:00.000Z");
  store = createGateStore({ url: ":memory:", now: clock.now });
  for (let i = 0; i < 20; i++) {
    clock.advance(20 * 60_000);
    await gateDraft(store, "one-day", `d${i}`, i % 3 !== 0, clock.now());
  }
  return generateReport(store, { now: clock.now });
}

describe("report time axis", () => {
  it("a one-day history gets hour labels that are distinct and increase left to right", async () => {
    const ticks = xTicks(chart(await oneDayReport(), "one-day", "chart-autonomy"));
    expectDistinctAndMonotone(ticks);
    for (const t of ticks) expect(t.text).toMatch(/^\d\d:\d\d$/);
  });

  it("a six-week history gets distinct, increasing date labels on every time chart", async () => {
    const html = await seededReport();
    for (const testId of ["chart-agreement", "chart-autonomy", "chart-competence"]) {
      const ticks = xTicks(chart(html, "outreach:first_touch", testId));
      expectDistinctAndMonotone(ticks);
      for (const t of ticks) expect(t.text).toMatch(/^[A-Z][a-z]{2} \d\d$/);
    }
  });

  it("labels stay distinct whatever the span, from minutes to years (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_500_000_000_000, max: 1_800_000_000_000 }), fc.integer({ min: 60_000, max: 3 * 365 * 86_400_000 }), (start, span) => {
        const axis = timeAxis({ min: start, max: start + span }, [44, 544]);
        const texts = axis.ticks.map((t) => t.text);
        return texts.length >= 2 && new Set(texts).size === texts.length;
      }),
    );
  });

  it("one-day activity is bucketed per hour with one distinct label per bucket", () => {
    const verdicts = Array.from({ length: 6 }, (_, i) =>
      makeVerdict({ id: `v${i}`, route: i % 2 ? "auto" : "human", createdAt: new Date(Date.parse("2025-05-01T08:10:00Z") + i * 3_600_000).toISOString() }),
    );
    const activity = bucketActivity(verdicts);
    expect(activity.unit).toBe("hour");
    expect(activity.buckets).toEqual(["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"]);
    expect(activity.autonomy.map((p) => p.y)).toEqual([0, 1, 0, 1, 0, 1]);
  });
});

describe("report y ticks", () => {
  it("a 0-1 axis ticks at round tenths and a count axis at round integers", async () => {
    expect(yTicks(chart(await oneDayReport(), "one-day", "chart-autonomy"))).toEqual(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
    const bars = renderBarChart({ testId: "b", title: "t", categories: ["a", "b"], stacks: [{ name: "approve", className: "approve", values: [75, 3] }] });
    expect(yTicks(bars)).toEqual(["0", "20", "40", "60", "80"]);
  });
});

describe("report evidence", () => {
  it("the agreement chart draws and labels the epoch boundary a breaker trip started, and shades the current evidence", async () => {
    const svg = chart(await seededReport(), "outreach:first_touch", "chart-agreement");
    const labels = [...svg.matchAll(/<g class="epoch-boundary" data-event="([^"]+)">/g)].map((m) => m[1]);
    expect(labels).toEqual(["epoch 1", "new provenance"]);
    expect(svg).toMatch(/<rect class="current-epoch" x="[\d.]+"/);
  });

  it("says which window the cards and the charts cover", async () => {
    const html = await oneDayReport();
    expect(html).toContain("Cards: the current evidence only — epoch 0");
    expect(html).toMatch(/Charts: all history \(20 verdicts, 0 decided\), 2025-05-01 08:20 to 2025-05-01 14:40 UTC, per hour\./);
  });

  it("the events table gives each event's reason and actor", async () => {
    const html = await seededReport();
    expect(html).toContain("<th>reason</th><th>actor</th>");
    expect(html).toMatch(/<td>breaker trip<\/td><td>breaker trip → epoch 1<\/td><td>1 rejected pass[^<]*<\/td><td>system<\/td>/);
    expect(html).toMatch(/<td>mode change<\/td><td>shadow → auto<\/td><td>flip criterion met<\/td><td>ops<\/td>/);
  });
});

describe("label layout", () => {
  it("labels placed in the rows above the plot never overlap (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 44, max: 544 }), text: fc.string({ minLength: 1, maxLength: 30 }) }), { maxLength: 12 }), (labels) => {
        const placed = layoutRowLabels(DEFAULT_FRAME, labels);
        const boxes = placed.flatMap((p, i) => {
          if (!p) return [];
          const w = approxWidth(labels[i]!.text, 9.5);
          return [{ row: p.row, from: p.anchor === "start" ? p.x : p.x - w, to: p.anchor === "start" ? p.x + w : p.x }];
        });
        return boxes.every((a, i) => boxes.every((b, j) => i === j || a.row !== b.row || a.to < b.from || b.to < a.from));
      }),
    );
  });
});
