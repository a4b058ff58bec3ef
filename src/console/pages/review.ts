import type { InterruptState } from "../langgraph.js";
import { esc, PAGE_ITEMS } from "../layout.js";
import type { ReviewItem } from "../review-items.js";
import { verdictMeta, verdictView } from "./verdict-view.js";

/** The review queue page body: one card per undecided verdict routed to a person, with the decide form. */
export function reviewBody(items: ReviewItem[], options: { nonce: string; actor: string; interrupts?: Map<string, InterruptState>; flash?: string; window: number }): string {
  const flash = options.flash ? `<div class="flash" role="status" data-testid="flash">${esc(options.flash)}</div>` : "";
  const intro = `<p class="meta">${items.length} undecided verdict${items.length === 1 ? "" : "s"} routed to a person (latest ${options.window} verdicts per scope), oldest first. A decision here is backfilled exactly as <code>autonomy-gate decide</code> does.</p>`;
  if (items.length === 0) return `${flash}${intro}<div class="card">Nothing to review.</div>`;
  const shown = items.slice(0, PAGE_ITEMS);
  const more = items.length > shown.length ? `<p class="meta">Showing the oldest ${shown.length} of ${items.length}.</p>` : "";
  return flash + intro + more + shown.map((item) => card(item, options)).join("\n");
}

function card(item: ReviewItem, options: { nonce: string; actor: string; interrupts?: Map<string, InterruptState> }): string {
  const v = item.verdict;
  const interrupt = options.interrupts?.get(v.id);
  const triggers = item.escalation
    ? `<p><b>Escalated</b> to ${esc(item.escalation.queue)} (${esc(item.escalation.priority)}, ${esc(item.escalation.status)}): ${item.escalation.package.triggers
        .map((t) => `${esc(t.code)}: ${esc(t.reason)}`)
        .join("; ")}</p>`
    : v.escalation.length
      ? `<p><b>Escalation triggers:</b> ${esc(v.escalation.join(", "))}</p>`
      : "";
  return `<section class="card" data-verdict="${esc(v.id)}">
<h3>${esc(v.scope)}</h3>${verdictMeta(v)}
${interrupt ? `<p data-testid="interrupt">LangGraph interrupt: <b>${esc(interrupt)}</b></p>` : ""}
${draftView(item)}
${triggers}
${verdictView(v)}
<form class="decide" method="post" action="/review/decide">
<input type="hidden" name="nonce" value="${esc(options.nonce)}"><input type="hidden" name="verdictId" value="${esc(v.id)}">
<label>by <input type="text" name="by" value="${esc(options.actor)}" size="10"></label>
<label>note <input type="text" name="note" size="24"></label>
<button class="approve" name="type" value="approve">Approve</button>
<button class="reject" name="type" value="reject">Reject</button>
<button name="type" value="skip">Skip</button>
<textarea name="edited" aria-label="edited draft" placeholder="Edited draft (only its hash is stored)"></textarea>
<button class="edit" name="type" value="edit">Edit</button>
</form>
</section>`;
}

function draftView(item: ReviewItem): string {
  if (item.draft === null) {
    return `<p class="meta" data-testid="draft-missing">The draft is not available here: the store keeps only its hash (<code>${esc(item.verdict.draftHash)}</code>), never its text. Review it where the host shows it (its inbox, LangGraph Studio), or start the console with a draft lookup.</p>`;
  }
  const source = item.draftSource === "host" ? "as the host supplied it" : "from the escalation package, after the host's redaction hook";
  const args = item.draft.args && Object.keys(item.draft.args).length ? `<pre class="draft" data-testid="draft-args">${esc(JSON.stringify(item.draft.args, null, 2))}</pre>` : "";
  return `<div><b>Draft</b> <span class="meta">(${source})</span><pre class="draft" data-testid="draft">${esc(item.draft.text)}</pre>${args}</div>`;
}
