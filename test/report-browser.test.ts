import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { generateReport } from "../src/report/generate-report.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { movableClock, seedHistory } from "./helpers/competence-fixtures.js";
import { tempDir } from "./helpers/store-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const OUT_DIR = resolve("test-output", "report");
const CHARTS = ["chart-agreement", "chart-decisions", "chart-autonomy", "chart-competence"];

/** The few DOM members the checks use (the test compiles without the DOM lib). */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Shape {
  getBBox(): Box;
  getAttribute(name: string): string | null;
}
interface SvgRoot {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<Shape>;
  querySelector(selector: string): Shape | null;
  getBoundingClientRect(): { width: number };
}

let browser: Browser | undefined;
afterAll(async () => browser?.close());

/** The fixture database (six weeks, two scopes) rendered to one HTML file, with a fixed clock. */
async function renderFixtureReport(): Promise<string> {
  const { dir, cleanup } = tempDir();
  const clock = movableClock();
  const store = createGateStore({ url: `file:${join(dir, "fixture.db")}`, now: clock.now });
  try {
    await seedHistory(store, clock);
    const html = await generateReport(store, { title: "autonomy-gate report (fixture)", now: () => new Date("2025-04-12T18:00:00.000Z") });
    mkdirSync(OUT_DIR, { recursive: true });
    const file = join(OUT_DIR, "report.html");
    writeFileSync(file, html);
    return file;
  } finally {
    store.close();
    cleanup();
  }
}

describe("the HTML report in a real browser", () => {
  it("renders every chart of every scope with data, and saves a screenshot", async (ctx) => {
    if (!existsSync(CHROMIUM) && !process.env.CI) {
      const reason = `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium); in CI (CI set) this test always runs`;
      // The default reporter shows console output but not a skip's note: say why where it is seen.
      console.warn(`report-browser: ${reason}`);
      ctx.skip(reason);
    }
    const file = await renderFixtureReport();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);

    const scopes = await page.locator("section[data-scope]").evaluateAll((els) => els.map((el) => el.getAttribute("data-scope")));
    expect(scopes).toEqual(["billing:refund_reply", "outreach:first_touch"]);
    for (const scope of scopes) {
      for (const testId of CHARTS) {
        const chart = page.locator(`section[data-scope="${scope}"] svg[data-testid="${testId}"]`);
        await expect(chart.getAttribute("data-empty")).resolves.toBe("false");
        const geometry = await chart.evaluate((element) => {
          const svg = element as unknown as SvgRoot;
          const shapes = Array.from(svg.querySelectorAll("polyline.line, rect.bar"));
          const boxes = shapes.map((s) => s.getBBox());
          const polyline = svg.querySelector("polyline.line");
          return {
            shapes: shapes.length,
            drawn: boxes.filter((b) => b.width > 0 || b.height > 0).length,
            polylinePoints: polyline?.getAttribute("points")?.trim().split(/\s+/).length ?? 0,
            polylineBox: polyline ? [polyline.getBBox().width, polyline.getBBox().height] : [0, 0],
            rendered: svg.getBoundingClientRect().width,
          };
        });
        expect(geometry.rendered, `${scope} ${testId} has a size on the page`).toBeGreaterThan(100);
        expect(geometry.drawn, `${scope} ${testId} draws shapes with extent`).toBeGreaterThan(0);
        if (testId !== "chart-decisions") {
          expect(geometry.polylinePoints, `${scope} ${testId} polyline points`).toBeGreaterThanOrEqual(2);
          expect(Math.max(...geometry.polylineBox), `${scope} ${testId} polyline extent`).toBeGreaterThan(0);
        }
      }
    }
    const events = await page.locator('section[data-scope="outreach:first_touch"] svg[data-testid="chart-autonomy"] g.marker').evaluateAll(
      (els) => els.map((el) => el.getAttribute("class")),
    );
    expect(events).toEqual(expect.arrayContaining(["marker mode_change", "marker breaker_trip", "marker provenance_change"]));
    const boundaries = await page
      .locator('section[data-scope="outreach:first_touch"] svg[data-testid="chart-agreement"] g.epoch-boundary')
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-event")));
    expect(boundaries).toEqual(["epoch 1", "new provenance"]);

    // No two labels of a chart overlap (ticks, titles, legends, thresholds, event labels).
    const collisions = await page.locator("svg[data-testid]").evaluateAll((els) =>
      els.flatMap((el) => {
        const svg = el as unknown as SvgRoot;
        const texts = Array.from(svg.querySelectorAll("text")).map((t) => ({ box: t.getBBox() as Box, text: (t as unknown as { textContent: string }).textContent }));
        const hits: string[] = [];
        texts.forEach((a, i) =>
          texts.slice(i + 1).forEach((b) => {
            const overlap = a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width && a.box.y < b.box.y + b.box.height && b.box.y < a.box.y + a.box.height;
            if (overlap) hits.push(`${svg.getAttribute("data-testid")}: "${a.text}" × "${b.text}"`);
          }),
        );
        return hits;
      }),
    );
    expect(collisions).toEqual([]);
    expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);

    const screenshot = join(OUT_DIR, "report.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(existsSync(screenshot)).toBe(true);
    // The README's screenshot is refreshed from local runs only, so CI never dirties the tree.
    if (!process.env.CI) copyFileSync(screenshot, resolve("docs", "report.png"));

    // At 400 px nothing is wider than the viewport.
    await page.setViewportSize({ width: 400, height: 900 });
    const wide = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): ArrayLike<{ tagName: string; getBoundingClientRect(): { right: number; width: number } }> } }).document;
      const offenders = Array.from(doc.querySelectorAll("body *"))
        .filter((e) => e.getBoundingClientRect().right > 400.5)
        .map((e) => e.tagName);
      return { scrollWidth: doc.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
    });
    expect(wide).toEqual({ scrollWidth: 400, offenders: [] });
    const narrow = join(OUT_DIR, "report-400.png");
    await page.screenshot({ path: narrow, fullPage: true });
    if (!process.env.CI) copyFileSync(narrow, resolve("docs", "report-400.png"));
  });
});
