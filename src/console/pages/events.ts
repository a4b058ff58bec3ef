import type { AuditEntry, AuditVerification } from "../../store/types.js";
import { esc } from "../layout.js";

export interface EventFilter {
  scope: string;
  kind: string;
  actor: string;
  limit: number;
}

/** The events page body: the audit log, filterable by scope, kind and actor, with the chain check. */
export function eventsBody(entries: AuditEntry[], options: { verification: AuditVerification; filter: EventFilter; scopes: string[]; kinds: string[] }): string {
  const v = options.verification;
  const check = v.ok
    ? `<div class="flash" data-testid="audit-verify">Audit chain verified: ${v.checked} entries, every hash and link matches.</div>`
    : `<div class="error" data-testid="audit-verify">Audit chain BROKEN at entry ${v.firstBad?.seq ?? "?"}: ${esc(v.firstBad?.problem)} (${v.checked} checked).</div>`;
  const f = options.filter;
  const select = (name: string, values: string[], current: string) =>
    `<select name="${name}"><option value="">any ${name}</option>${values.map((x) => `<option value="${esc(x)}"${x === current ? " selected" : ""}>${esc(x)}</option>`).join("")}</select>`;
  const form = `<form class="filter" method="get" action="/events">${select("scope", options.scopes, f.scope)}${select("kind", options.kinds, f.kind)}
<input type="text" name="actor" placeholder="actor" value="${esc(f.actor)}" size="10"><input type="number" name="limit" value="${f.limit}" min="1" max="5000" style="width:6em"><button>Filter</button></form>`;
  const rows = entries
    .map(
      (e) =>
        `<tr data-kind="${esc(e.kind)}"><td data-label="seq">${e.seq}</td><td data-label="at">${esc(e.at)}</td><td data-label="kind">${esc(e.kind)}</td><td data-label="scope">${esc(e.scope ?? "–")}</td>` +
        `<td data-label="actor">${esc(e.actor)}</td><td data-label="reason">${esc(typeof e.payload.reason === "string" ? e.payload.reason : "–")}</td><td data-label="payload"><code>${esc(JSON.stringify(e.payload))}</code></td></tr>`,
    )
    .join("");
  return `${check}${form}<p class="meta">${entries.length} entr${entries.length === 1 ? "y" : "ies"}, newest first.</p>
<table class="list" data-testid="events"><thead><tr><th>seq</th><th>at</th><th>kind</th><th>scope</th><th>actor</th><th>reason</th><th>payload</th></tr></thead><tbody>${rows}</tbody></table>`;
}
