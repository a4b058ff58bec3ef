import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { backfillDecision } from "../decisions/backfill.js";
import { POST_HOC_FINDINGS, type PostHocFinding } from "../store/post-hoc-types.js";
import { reviewPostHoc } from "../decisions/post-hoc-review.js";
import { AutonomyGateError } from "../errors.js";
import { hashValue } from "../hash.js";
import { buildReportData } from "../report/series.js";
import { DECISION_TYPES, type DecisionType } from "../types.js";
import { postHocSample } from "./audit-items.js";
import { createGuard } from "./guard.js";
import { interruptState, type InterruptState } from "./langgraph.js";
import { esc, page, type PageId } from "./layout.js";
import { isLoopback, resolveConsoleOptions, type ConsoleOptions } from "./options.js";
import { auditBody } from "./pages/audit.js";
import { eventsBody, type EventFilter } from "./pages/events.js";
import { reviewBody } from "./pages/review.js";
import { scopesBody } from "./pages/scopes.js";
import { reviewItems } from "./review-items.js";

/** A running console: its URL, and `close` to stop it (the store stays open: it is the caller's). */
export interface ConsoleServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
const WILDCARDS = ["0.0.0.0", "::", "[::]"];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts the operator console over a store: server-rendered pages (Scopes, Review queue, Audit
 * queue, Events) on node:http, no script and no build step. Binds 127.0.0.1 unless told
 * otherwise; beyond loopback a token is required (refused at construction without one).
 * Decisions go through `backfillDecision`, the code path of `autonomy-gate decide`; they resume
 * no graph by themselves.
 */
export async function createConsoleServer(input: ConsoleOptions): Promise<ConsoleServer> {
  const options = resolveConsoleOptions(input);
  const { store } = options;
  const auditQueue = options.auditQueue ?? postHocSample;
  let port = options.port;
  const hostLiteral = options.host.includes(":") ? `[${options.host}]` : options.host;
  const guard = createGuard({
    token: options.token,
    // Bound to every interface, any Host may arrive (the token guards it); else only the bound one.
    allowedHosts: () =>
      WILDCARDS.includes(options.host)
        ? null
        : [`${hostLiteral}:${port}`, ...(isLoopback(options.host) ? [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`] : [])].map((h) => h.toLowerCase()),
  });

  const counts = async () => ({
    review: (await reviewItems(store, { window: options.queueWindow })).length,
    audit: (await auditQueue(store, { window: options.queueWindow })).length,
  });
  const render = async (current: PageId, title: string, body: string) => page({ title, current, counts: await counts(), body });

  async function route(req: IncomingMessage, url: URL): Promise<{ status?: number; html?: string; redirect?: string }> {
    const path = url.pathname;
    if (req.method === "GET" && path === "/") {
      const data = await buildReportData(store, {
        ...(options.gatePolicy ? { gatePolicy: options.gatePolicy } : {}),
        ...(options.competence ? { competence: options.competence } : {}),
      });
      return { html: await render("scopes", "Scopes", scopesBody(data)) };
    }
    if (req.method === "GET" && path === "/review") {
      const items = await reviewItems(store, { window: options.queueWindow, drafts: options.drafts });
      const interrupts = options.langgraphUrl ? await interruptsOf(options.langgraphUrl, items.map((i) => [i.verdict.id, i.verdict.threadId])) : undefined;
      const flash = await flashOf(url);
      return {
        html: await render(
          "review",
          "Review queue",
          reviewBody(items, { nonce: guard.formNonce, actor: options.actor, window: options.queueWindow, ...(interrupts ? { interrupts } : {}), ...(flash ? { flash } : {}) }),
        ),
      };
    }
    if (req.method === "GET" && path === "/audit") {
      const items = await auditQueue(store, { window: options.queueWindow });
      const scopes = await store.listScopes();
      const sampled = (await Promise.all(scopes.map((s) => store.listVerdicts({ scope: s.scope, limit: options.queueWindow }))))
        .flat()
        .filter((v) => v.route === "auto" && v.postHocSampled === true);
      const recent = (await Promise.all(sampled.map(async (verdict) => ({ verdict, review: await store.getPostHocReview(verdict.id) }))))
        .flatMap((r) => (r.review === null ? [] : [{ verdict: r.verdict, review: r.review }]))
        .sort((a, b) => b.review.at.localeCompare(a.review.at))
        .slice(0, 50);
      const flash = await flashOf(url);
      return { html: await render("audit", "Audit queue", auditBody(items, recent, { nonce: guard.formNonce, actor: options.actor, ...(flash ? { flash } : {}) })) };
    }
    if (req.method === "GET" && path === "/events") {
      const filter: EventFilter = {
        scope: url.searchParams.get("scope") ?? "",
        kind: url.searchParams.get("kind") ?? "",
        actor: url.searchParams.get("actor") ?? "",
        limit: clampLimit(url.searchParams.get("limit")),
      };
      const [all, verification, scopes] = await Promise.all([
        store.listAudit({ ...(filter.scope ? { scope: filter.scope } : {}), limit: 5000 }),
        store.verifyAudit(),
        store.listScopes(),
      ]);
      const entries = all.filter((e) => (!filter.kind || e.kind === filter.kind) && (!filter.actor || e.actor.includes(filter.actor))).slice(0, filter.limit);
      const kinds = [...new Set(all.map((e) => e.kind))].sort();
      return { html: await render("events", "Events", eventsBody(entries, { verification, filter, scopes: scopes.map((s) => s.scope), kinds })) };
    }
    if (req.method === "POST" && path === "/audit/review") {
      const form = new URLSearchParams(await readBody(req));
      if (!guard.checkNonce(form.get("nonce"))) throw new HttpError(403, "This form is stale or came from elsewhere: reload the page and review again.");
      const finding = form.get("finding") ?? "";
      if (!(POST_HOC_FINDINGS as readonly string[]).includes(finding)) throw new HttpError(400, `Unknown finding ${JSON.stringify(finding)}: expected one of ${POST_HOC_FINDINGS.join(", ")}.`);
      const note = (form.get("note") ?? "").trim();
      // The same code path as `autonomy-gate audit review`: a wrong finding is a rejected pass.
      const { verdict } = await reviewPostHoc(store, form.get("verdictId") ?? "", {
        finding: finding as PostHocFinding,
        by: (form.get("by") ?? "").trim() || options.actor,
        ...(note ? { note } : {}),
      });
      return { redirect: `/audit?reviewed=${encodeURIComponent(verdict.id)}` };
    }
    if (req.method === "POST" && path === "/review/decide") {
      const form = new URLSearchParams(await readBody(req));
      if (!guard.checkNonce(form.get("nonce"))) throw new HttpError(403, "This form is stale or came from elsewhere: reload the page and decide again.");
      const verdictId = form.get("verdictId") ?? "";
      const type = form.get("type") ?? "";
      const allowed: readonly string[] = DECISION_TYPES;
      if (!allowed.includes(type)) throw new HttpError(400, `Unknown decision ${JSON.stringify(type)}: expected one of ${allowed.join(", ")}.`);
      const edited = form.get("edited") ?? "";
      const note = (form.get("note") ?? "").trim();
      const verdict = await backfillDecision(
        store,
        verdictId,
        {
          type: type as DecisionType,
          by: (form.get("by") ?? "").trim() || options.actor,
          ...(note ? { note } : {}),
          ...(type === "edit" && edited.trim() ? { editedDraftHash: hashValue(edited) } : {}),
        },
        options.gatePolicy,
        options.competence,
      );
      return { redirect: `/review?decided=${encodeURIComponent(verdict.id)}` };
    }
    throw new HttpError(req.method === "GET" || req.method === "POST" ? 404 : 405, `No page ${req.method ?? ""} ${path}.`);
  }

  async function flashOf(url: URL): Promise<string | undefined> {
    const reviewed = url.searchParams.get("reviewed");
    if (reviewed) {
      const review = await store.getPostHocReview(reviewed);
      return review ? `Recorded the post-hoc finding ${review.finding} on verdict ${reviewed} by ${review.by}.` : undefined;
    }
    const id = url.searchParams.get("decided");
    if (!id) return undefined;
    const verdict = await store.getVerdict(id);
    if (!verdict?.decision) return undefined;
    return `Recorded ${verdict.decision.type} on verdict ${verdict.id} (scope ${verdict.scope}) by ${verdict.decision.by ?? "–"}. No graph was resumed.`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://console.invalid");
    const refused = guard.refuse(req, url);
    if (refused) return send(res, refused.status, errorPage(refused.status, refused.message));
    if (guard.tokenInQuery(url)) {
      url.searchParams.delete("token");
      res.setHeader("set-cookie", guard.cookie() ?? "");
      return redirect(res, `${url.pathname}${url.search}`);
    }
    try {
      const out = await route(req, url);
      if (out.redirect) return redirect(res, out.redirect);
      send(res, out.status ?? 200, out.html ?? "");
    } catch (error: unknown) {
      const status = error instanceof HttpError ? error.status : error instanceof AutonomyGateError ? 400 : 500;
      const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
      send(res, status, errorPage(status, message));
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostLiteral}:${port}/`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function interruptsOf(baseUrl: string, pairs: Array<[string, string]>): Promise<Map<string, InterruptState>> {
  const states = await Promise.all(pairs.map(async ([id, thread]) => [id, await interruptState(baseUrl, thread)] as const));
  return new Map(states);
}

function clampLimit(raw: string | null): number {
  const n = Number(raw ?? 200);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 5000) : 200;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, "Form too large."));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "cache-control": "no-store" });
  res.end();
}

function errorPage(status: number, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status}</title></head><body><h1>${status}</h1><p class="error">${esc(message)}</p><p><a href="/">Back to the console</a></p></body></html>`;
}
