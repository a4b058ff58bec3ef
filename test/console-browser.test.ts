import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateStore } from "../src/store/create-gate-store.js";
import { HOSTILE_DRAFT, seedConsoleDemo } from "./helpers/console-fixtures.js";
import { movableClock } from "./helpers/competence-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const OUT_DIR = resolve("test-output", "console");
const PAGES = [
  { id: "scopes", path: "/" },
  { id: "review", path: "/review" },
  { id: "audit", path: "/audit" },
  { id: "events", path: "/events" },
] as const;
const available = existsSync(CHROMIUM) || Boolean(process.env.CI);

let dir = "";
let db = "";
let server: ChildProcess | undefined;
let baseUrl = "";
let context: BrowserContext | undefined;
let demo: Awaited<ReturnType<typeof seedConsoleDemo>>;

/** Starts `autonomy-gate console` as a real process and resolves to the URL it prints. */
function startConsole(): Promise<string> {
  server = spawn(process.execPath, [resolve("node_modules/tsx/dist/cli.mjs"), "src/cli/main.ts", "console", "--port", "0", "--db", db], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, AUTONOMY_GATE_CONSOLE_TOKEN: "" },
  });
  return new Promise((resolveUrl, reject) => {
    let out = "";
    server?.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Console on (http:\/\/\S+\/)/.exec(out)?.[1];
      if (url) resolveUrl(url.replace(/\/$/, ""));
    });
    server?.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    server?.once("exit", (code) => reject(new Error(`console exited ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), "autonomy-gate-console-"));
  db = `file:${join(dir, "demo.db")}`;
  const clock = movableClock();
  const store = createGateStore({ url: db, now: clock.now });
  try {
    demo = await seedConsoleDemo(store, clock);
  } finally {
    store.close();
  }
  baseUrl = await startConsole();
  context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(OUT_DIR, { recursive: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  server?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Doc {
  documentElement: { scrollWidth: number };
  querySelectorAll(s: string): ArrayLike<{ tagName: string; className: unknown; getBoundingClientRect(): { right: number; width: number } }>;
}

/** Elements wider than the viewport or reaching past its right edge, and the page's scroll width. */
function overflow(page: Page, width: number) {
  return page.evaluate((w) => {
    const doc = (globalThis as unknown as { document: Doc }).document;
    const offenders = Array.from(doc.querySelectorAll("body *"))
      .filter((e) => e.getBoundingClientRect().right > w + 0.5 || e.getBoundingClientRect().width > w + 0.5)
      .map((e) => `${e.tagName}.${String(e.className)}`);
    return { scrollWidth: doc.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
  }, width);
}

const count = async (page: Page, id: string) => Number(await page.locator(`[data-count="${id}"]`).textContent());

describe.skipIf(!available)("the operator console in a real browser", () => {
  it("opens every page at 1280 px and 400 px with nothing wider than the viewport, and saves screenshots", async () => {
    const page = await context!.newPage();
    for (const width of [1280, 400]) {
      await page.setViewportSize({ width, height: 900 });
      for (const { id, path } of PAGES) {
        const response = await page.goto(`${baseUrl}${path}`);
        expect(response?.status(), `${id} at ${width}`).toBe(200);
        await expect(page.locator(`nav a[data-nav="${id}"][aria-current="page"]`).count()).resolves.toBe(1);
        expect(await overflow(page, width), `${id} at ${width}px`).toEqual({ scrollWidth: width, offenders: [] });
        const file = join(OUT_DIR, `console-${id}-${width}.png`);
        await page.screenshot({ path: file, fullPage: id !== "audit" && id !== "events" });
        // The README's screenshots are refreshed from local runs only, so CI never dirties the tree.
        if (!process.env.CI) copyFileSync(file, resolve("docs", `console-${id}-${width}.png`));
      }
    }
    await page.close();
  });

  it("each page shows its content: scope figures, queue items with scores, audit items, verified events", async () => {
    const page = await context!.newPage();
    await page.goto(`${baseUrl}/`);
    await expect(page.locator("section[data-scope]").evaluateAll((els) => els.map((e) => e.getAttribute("data-scope")))).resolves.toEqual([demo.novice, demo.main]);
    await expect(page.locator(`section[data-scope="${demo.main}"] [data-testid="breaker-history"] tr`).count()).resolves.toBeGreaterThan(2);
    await expect(page.locator(`section[data-scope="${demo.main}"] svg[data-testid="chart-agreement"] g.epoch-boundary`).count()).resolves.toBeGreaterThan(0);
    await page.goto(`${baseUrl}/review`);
    const first = page.locator(`[data-verdict="${demo.pending[0]?.id}"]`);
    await expect(first.locator(".level").count()).resolves.toBe(1);
    await expect(first.locator('[data-testid="draft-missing"]').count()).resolves.toBe(1);
    await page.goto(`${baseUrl}/audit`);
    await expect(count(page, "audit")).resolves.toBeGreaterThan(0);
    await page.goto(`${baseUrl}/events?kind=breaker_trip`);
    await expect(page.locator('[data-testid="audit-verify"]').textContent()).resolves.toMatch(/^Audit chain verified: \d+ entries/);
    await expect(page.locator("table[data-testid=events] tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind")))).resolves.toEqual(["breaker_trip"]);
    await page.close();
  });

  it("a hostile draft in an escalation package renders as text and runs nothing", async () => {
    const page = await context!.newPage();
    await page.goto(`${baseUrl}/review`);
    const draft = page.locator(`[data-verdict="${demo.escalated.id}"] [data-testid="draft"]`);
    await expect(draft.textContent()).resolves.toBe(HOSTILE_DRAFT);
    await expect(page.title()).resolves.toBe("Review queue · autonomy-gate console");
    await expect(page.locator("main script, main img").count()).resolves.toBe(0);
    await page.close();
  });

  it("approving one review item records it in the store and moves the counters", async () => {
    const page = await context!.newPage();
    const target = demo.pending[0]!;
    await page.goto(`${baseUrl}/`);
    const nBefore = Number(await page.locator(`section[data-scope="${demo.main}"] [data-stat="decided (n)"] b`).textContent());
    await page.goto(`${baseUrl}/review`);
    const reviewBefore = await count(page, "review");
    const card = page.locator(`[data-verdict="${target.id}"]`);
    await card.locator('input[name="note"]').fill("looks fine");
    await card.locator('button[value="approve"]').click();
    await page.waitForURL(/decided=/);
    await expect(page.locator('[data-testid="flash"]').textContent()).resolves.toContain(`Recorded approve on verdict ${target.id}`);
    await expect(count(page, "review")).resolves.toBe(reviewBefore - 1);
    await expect(page.locator(`[data-verdict="${target.id}"]`).count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/`);
    await expect(page.locator(`section[data-scope="${demo.main}"] [data-stat="decided (n)"] b`).textContent()).resolves.toBe(String(nBefore + 1));
    await page.close();

    const store = createGateStore({ url: db });
    try {
      expect((await store.getVerdict(target.id))?.decision).toMatchObject({ type: "approve", by: "console", note: "looks fine" });
    } finally {
      store.close();
    }
  });
});
