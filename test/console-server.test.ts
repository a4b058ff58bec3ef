import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { createConsoleServer, type ConsoleServer } from "../src/console/server.js";
import { interruptState } from "../src/console/langgraph.js";
import { GateConfigError } from "../src/errors.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import { gateDraft, movableClock, recordingIo } from "./helpers/competence-fixtures.js";
import { HOSTILE_DRAFT } from "./helpers/console-fixtures.js";
import { makeVerdict, openForAuto } from "./helpers/store-fixtures.js";
import { routeAndRecord } from "../src/decisions/route-verdict.js";
import { escalationIdFor } from "../src/escalation/package.js";
import { assessed } from "./helpers/competence-fixtures.js";

const TOKEN = "s3cret-console-token";
let running: ConsoleServer | undefined;
let store: GateStore | undefined;
let fake: Server | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  store?.close();
  fake?.close();
});

async function withPending(scope = "outreach:first_touch"): Promise<GateStore> {
  const clock = movableClock("2025-04-12T09:00:00.000Z");
  store = createGateStore({ url: ":memory:", now: clock.now });
  await gateDraft(store, scope, "v1", false, clock.now());
  return store;
}

/** The nonce the review page's forms carry. */
async function nonceOf(url: string, headers: Record<string, string> = {}): Promise<string> {
  const html = await (await fetch(`${url}review`, { headers })).text();
  const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1];
  if (!nonce) throw new Error("no form nonce on the review page");
  return nonce;
}

const post = (url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(form).toString() });

describe("console binding and token", () => {
  it("refuses to bind beyond loopback without a token, naming the host", async () => {
    store = createGateStore({ url: ":memory:" });
    await expect(createConsoleServer({ store, host: "0.0.0.0", port: 0 })).rejects.toThrow(GateConfigError);
    await expect(createConsoleServer({ store, host: "0.0.0.0", port: 0 })).rejects.toThrow(/"0\.0\.0\.0".*loopback/);
  });

  it("bound beyond 127.0.0.1, a request without the token is refused and one with it is served", async () => {
    store = await withPending();
    running = await createConsoleServer({ store, host: "0.0.0.0", port: 0, token: TOKEN });
    const port = new URL(running.url).port;
    const base = `http://127.0.0.1:${port}/`;
    const refused = await fetch(base);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain("outreach:first_touch");
    expect((await fetch(base, { headers: { authorization: "Bearer wrong-token-value" } })).status).toBe(401);
    expect((await fetch(base, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const viaQuery = await fetch(`${base}review?token=${TOKEN}`, { redirect: "manual" });
    expect(viaQuery.status).toBe(303);
    expect(viaQuery.headers.get("location")).toBe("/review");
    const cookie = viaQuery.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^autonomy_gate_console=/);
    expect((await fetch(`${base}review`, { headers: { cookie } })).status).toBe(200);
  });

  it("refuses a Host header that does not name the bound address (DNS rebinding)", async () => {
    store = await withPending();
    running = await createConsoleServer({ store, port: 0 });
    const { port } = new URL(running.url);
    const res = await new Promise<number>((resolve, reject) => {
      import("node:http").then(({ request }) => {
        const req = request({ host: "127.0.0.1", port, path: "/", headers: { host: "evil.example:80" } }, (r) => resolve(r.statusCode ?? 0));
        req.on("error", reject);
        req.end();
      }, reject);
    });
    expect(res).toBe(421);
  });

  it("`autonomy-gate console --host 0.0.0.0` without a token exits 2 and says why", async () => {
    const run = recordingIo();
    expect(await runCli(["console", "--db", ":memory:", "--host", "0.0.0.0", "--port", "0"], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/GateConfigError: .*"0\.0\.0\.0".*or a token/);
  });
});

describe("console decisions", () => {
  it("a review decision goes through the backfill path: the store shows it and the queue count drops", async () => {
    store = await withPending();
    running = await createConsoleServer({ store, port: 0 });
    const before = await (await fetch(`${running.url}review`)).text();
    expect(before).toMatch(/data-count="review">1</);
    const res = await post(`${running.url}review/decide`, { nonce: await nonceOf(running.url), verdictId: "v1", type: "edit", by: "ana", note: "tone", edited: "better text" });
    expect(res.status).toBe(303);
    const verdict = await store.getVerdict("v1");
    expect(verdict?.decision).toMatchObject({ type: "edit", by: "ana", note: "tone" });
    expect(verdict?.decision?.editedDraftHash).toMatch(/^[0-9a-f]{16,}$/);
    expect(await store.competenceHistory("outreach:first_touch")).toHaveLength(1);
    const after = await (await fetch(`${running.url}${res.headers.get("location")?.slice(1)}`)).text();
    expect(after).toMatch(/data-count="review">0</);
    expect(after).toContain("Recorded edit on verdict v1");
  });

  it("a form post without the page's nonce is refused and records nothing", async () => {
    store = await withPending();
    running = await createConsoleServer({ store, port: 0 });
    const res = await post(`${running.url}review/decide`, { nonce: "forged", verdictId: "v1", type: "approve" });
    expect(res.status).toBe(403);
    expect((await store.getVerdict("v1"))?.decision).toBeUndefined();
  });

  it("the audit queue is the post-hoc sample, and a wrong finding there is recorded as the post-hoc review", async () => {
    const clock = movableClock("2025-04-12T09:00:00.000Z");
    store = createGateStore({ url: ":memory:", now: clock.now });
    await openForAuto(store, "s");
    // Two executed auto-approvals; only the one drawn for the post-hoc audit is queued.
    await store.saveVerdict(makeVerdict({ id: "a1", scope: "s", mode: "auto", route: "auto", passed: true, postHocSampled: true }));
    await store.saveVerdict(makeVerdict({ id: "a2", scope: "s", mode: "auto", route: "auto", passed: true }));
    running = await createConsoleServer({ store, port: 0 });
    const html = await (await fetch(`${running.url}audit`)).text();
    expect(html).toContain('data-verdict="a1"');
    expect(html).not.toContain('data-verdict="a2"');
    const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1] ?? "";
    expect((await post(`${running.url}audit/review`, { nonce, verdictId: "a1", finding: "wrong", by: "ana" })).status).toBe(303);
    expect(await store.getPostHocReview("a1")).toMatchObject({ finding: "wrong", by: "ana" });
    const after = await (await fetch(`${running.url}audit`)).text();
    expect(after).not.toContain('data-verdict="a1"');
    expect(after).toMatch(/<td data-label="outcome">wrong<\/td>/);
  });

  it("a blind review item shows the draft's place but none of the gate's judgement", async () => {
    const clock = movableClock("2025-04-12T09:00:00.000Z");
    store = createGateStore({ url: ":memory:", now: clock.now });
    await store.saveVerdict(makeVerdict({ id: "b1", scope: "s", rationale: "passed: composite 0.93", blind: true }));
    running = await createConsoleServer({ store, port: 0 });
    const html = await (await fetch(`${running.url}review`)).text();
    expect(html).toContain('data-verdict="b1"');
    expect(html).toContain('data-testid="blind"');
    expect(html).not.toContain("composite 0.93");
    expect(html).not.toMatch(/gate (passed|failed)/);
  });
});

describe("console escaping and drafts", () => {
  it("a draft containing <script> renders as text, from the escalation package and from the host's lookup", async () => {
    const clock = movableClock("2025-04-12T09:00:00.000Z");
    store = createGateStore({ url: ":memory:", now: clock.now });
    const scope = '<img src=x onerror="alert(1)">';
    await gateDraft(store, scope, "h1", false, clock.now());
    const v = await routeAndRecord(store, assessed("e1", false), { id: "e1", scope, threadId: "t-e1", createdAt: clock.now().toISOString(), killSwitch: false, escalation: ["ambiguity"] });
    const id = escalationIdFor(v.id);
    await store.saveEscalation({
      id, verdictId: v.id, scope, threadId: v.threadId, queue: "q", priority: "normal", codes: ["ambiguity"],
      package: { escalationId: id, scope, threadId: v.threadId, goal: "g", attempts: [], steps: [], bestGuess: { text: HOSTILE_DRAFT }, triggers: [{ code: "ambiguity", reason: "<b>r</b>" }],
        verdict: { verdictId: v.id, passed: false, composite: v.composite, levels: [], violations: [], unscored: [], rationale: "r", mode: "shadow" } },
    });
    running = await createConsoleServer({ store, port: 0, drafts: async (verdict) => (verdict.id === "h1" ? { text: `host says ${HOSTILE_DRAFT}` } : null) });
    for (const path of ["", "review", "audit", "events"]) {
      const html = await (await fetch(`${running.url}${path}`)).text();
      expect(html, path).not.toMatch(/<script|<img src=x|<b>r<\/b>/);
    }
    const review = await (await fetch(`${running.url}review`)).text();
    expect(review).toContain("host says Hi &lt;script&gt;document.title=&quot;owned&quot;&lt;/script&gt;");
    expect(review).toContain("from the escalation package");
    expect(review).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("without a host lookup or an escalation package, the page says plainly the draft is not available", async () => {
    store = await withPending();
    running = await createConsoleServer({ store, port: 0 });
    const html = await (await fetch(`${running.url}review`)).text();
    expect(html).toContain('data-testid="draft-missing"');
    expect(html).toContain("the store keeps only its hash");
  });
});

describe("console and a LangGraph server", () => {
  async function fakeLangGraph(): Promise<string> {
    fake = createServer((req, res) => {
      const id = decodeURIComponent(req.url?.split("/threads/")[1] ?? "");
      if (id === "t-v1") return void res.end(JSON.stringify({ thread_id: id, status: "interrupted", interrupts: { task: [{ value: {} }] } }));
      if (id === "t-v2") return void res.end(JSON.stringify({ thread_id: id, status: "idle", interrupts: {} }));
      res.statusCode = 404;
      res.end("{}");
    });
    await new Promise<void>((resolve) => fake?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  }

  it("reads a thread's interrupt state: pending, not pending, unknown, unreachable", async () => {
    const url = await fakeLangGraph();
    expect(await interruptState(url, "t-v1")).toBe("pending");
    expect(await interruptState(url, "t-v2")).toBe("not pending");
    expect(await interruptState(url, "nope")).toBe("unknown thread");
    expect(await interruptState("http://127.0.0.1:9", "t-v1", 500)).toBe("unreachable");
  });

  it("with --langgraph-url the review queue shows whether each verdict's interrupt is pending", async () => {
    const url = await fakeLangGraph();
    store = await withPending();
    await gateDraft(store, "outreach:first_touch", "v2", false, new Date("2025-04-12T09:10:00.000Z"));
    running = await createConsoleServer({ store, port: 0, langgraphUrl: url });
    const html = await (await fetch(`${running.url}review`)).text();
    const state = (id: string) => new RegExp(`data-verdict="${id}"[\\s\\S]*?LangGraph interrupt: <b>([^<]+)</b>`).exec(html)?.[1];
    expect([state("v1"), state("v2")]).toEqual(["pending", "not pending"]);
  });
});
