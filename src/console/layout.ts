import { escapeXml } from "../report/svg-frame.js";
import { REPORT_CSS } from "../report/styles.js";
import { PACKAGE_VERSION } from "../version.js";

/** Escapes a host-supplied string for HTML text and attribute values. Every interpolation uses it. */
export const esc = (value: unknown): string => escapeXml(value === null || value === undefined ? "" : String(value));

/** Most queue items one page shows. */
export const PAGE_ITEMS = 50;

export const ratio = (v: number | null | undefined): string => (v === null || v === undefined ? "–" : v.toFixed(2));

const CONSOLE_CSS = `
nav { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 10px 28px; background: #1f2933; }
nav a { color: #e4e7eb; text-decoration: none; font-weight: 600; }
nav a[aria-current="page"] { color: #fff; text-decoration: underline; }
nav .count { background: #f0b429; color: #1f2933; border-radius: 999px; padding: 0 7px; font-size: 12px; margin-left: 4px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin-top: 14px; overflow-wrap: anywhere; }
.card h3 { margin: 0 0 6px; font-size: 15px; }
.flash { background: #c6f7e2; border: 1px solid #3ebd93; border-radius: 8px; padding: 8px 12px; margin-top: 14px; }
.error { background: #ffd7d7; border: 1px solid #e12d39; border-radius: 8px; padding: 8px 12px; margin-top: 14px; }
pre.draft { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f7fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 6px 0; font: 13px/1.4 ui-monospace, monospace; }
.levels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); gap: 8px; margin: 8px 0; }
.level { border: 1px solid var(--line); border-radius: 8px; padding: 6px 10px; }
.level b { font-size: 16px; }
ul.violations { margin: 4px 0; padding-left: 18px; }
.hard { color: #8a041a; font-weight: 600; }
form.decide { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; }
form.decide input[type=text], form.decide textarea { font: inherit; padding: 4px 6px; border: 1px solid #9aa5b1; border-radius: 6px; max-width: 100%; }
form.decide textarea { width: 100%; min-height: 3em; }
button { font: inherit; font-weight: 600; padding: 4px 12px; border-radius: 6px; border: 1px solid #9aa5b1; background: #fff; cursor: pointer; }
button.approve { background: #3ebd93; color: #fff; border-color: #27ab83; }
button.reject { background: #e12d39; color: #fff; border-color: #cf1124; }
button.edit { background: #f0b429; border-color: #de911d; }
table.list { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
table.list th, table.list td { border-bottom: 1px solid var(--line); padding: 4px 8px 4px 0; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
form.filter { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 12px; }
form.filter input, form.filter select { font: inherit; padding: 3px 6px; max-width: 100%; }
@media (max-width: 600px) {
  nav { padding: 8px 12px; }
  table.list thead { display: none; }
  table.list tr { display: block; border-bottom: 1px solid var(--line); padding: 4px 0; }
  table.list td { display: block; border: 0; padding: 1px 0; }
  table.list td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
`;

export type PageId = "scopes" | "review" | "audit" | "events";

/** One console page: the report's stylesheet plus the console's, a nav with the queue counts. */
export function page(options: { title: string; current: PageId; counts: { review: number; audit: number }; body: string }): string {
  const link = (id: PageId, href: string, label: string, count?: number) =>
    `<a href="${href}"${id === options.current ? ' aria-current="page"' : ""} data-nav="${id}">${label}${
      count === undefined ? "" : `<span class="count" data-count="${id}">${count}</span>`
    }</a>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title)} · autonomy-gate console</title><style>${REPORT_CSS}${CONSOLE_CSS}</style></head>
<body><nav>${link("scopes", "/", "Scopes")}${link("review", "/review", "Review queue", options.counts.review)}${link(
    "audit",
    "/audit",
    "Audit queue",
    options.counts.audit,
  )}${link("events", "/events", "Events")}</nav>
<header><h1>${esc(options.title)}</h1><div class="meta">autonomy-gate ${esc(PACKAGE_VERSION)} console · decisions taken here are recorded in the store; they resume nothing by themselves</div></header>
<main>
${options.body}
</main></body></html>
`;
}
