import type { AuditItem } from "../audit-items.js";
import type { PostHocReview } from "../../store/post-hoc-types.js";
import type { Verdict } from "../../types.js";
import { esc, PAGE_ITEMS } from "../layout.js";
import { verdictMeta, verdictView } from "./verdict-view.js";

/** The audit queue page body: sampled, executed auto-approvals to review ok or wrong after the fact. */
export function auditBody(items: AuditItem[], audited: Array<{ verdict: Verdict; review: PostHocReview }>, options: { nonce: string; actor: string; flash?: string }): string {
  const flash = options.flash ? `<div class="flash" role="status" data-testid="flash">${esc(options.flash)}</div>` : "";
  const intro = `<p class="meta">${items.length} executed auto-approval${items.length === 1 ? "" : "s"} waiting for a post-hoc review (the deterministic post-hoc sample). A <b>wrong</b> finding counts as a rejected pass for swing-back and as a missed escalation, as with <code>autonomy-gate audit review</code>.</p>`;
  const shown = items.slice(0, PAGE_ITEMS);
  const more = items.length > shown.length ? `<p class="meta">Showing the newest ${shown.length} of ${items.length}.</p>` : "";
  const cards = shown
    .map(
      ({ verdict: v, why }) => `<section class="card" data-verdict="${esc(v.id)}"><h3>${esc(v.scope)}</h3>${verdictMeta(v)}<p class="meta">${esc(why)}</p>
${verdictView(v)}
<form class="decide" method="post" action="/audit/review">
<input type="hidden" name="nonce" value="${esc(options.nonce)}"><input type="hidden" name="verdictId" value="${esc(v.id)}">
<label>by <input type="text" name="by" value="${esc(options.actor)}" size="10"></label>
<label>note <input type="text" name="note" size="24"></label>
<button class="approve" name="finding" value="ok">ok</button><button class="reject" name="finding" value="wrong">wrong</button>
</form></section>`,
    )
    .join("\n");
  const done = audited.length
    ? `<h2 style="margin-top:18px">Reviewed</h2><table class="list"><thead><tr><th>scope</th><th>verdict</th><th>outcome</th><th>by</th><th>at</th></tr></thead><tbody>${audited
        .map(
          ({ verdict: v, review }) =>
            `<tr><td data-label="scope">${esc(v.scope)}</td><td data-label="verdict"><code>${esc(v.id)}</code></td><td data-label="outcome">${esc(review.finding)}</td><td data-label="by">${esc(review.by)}</td><td data-label="at">${esc(review.at)}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : "";
  return flash + intro + more + (cards || `<div class="card">Nothing to audit.</div>`) + done;
}
