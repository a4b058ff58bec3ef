import type { Verdict } from "../../types.js";
import { esc, ratio } from "../layout.js";

/** The gate's assessment of a verdict: outcome, per-level scores and reasons, violations. */
export function verdictView(v: Verdict): string {
  // A blind review (DESIGN §5): the reviewer decides on the draft alone, so nothing of the judgement shows.
  if (v.blind === true) return `<p class="meta" data-testid="blind">Blind review: the gate's verdict is hidden so that your decision is independent of it.</p>`;
  const levels = v.levels
    .map(
      (l) =>
        `<div class="level" data-level="${esc(l.level)}"><span class="meta">${esc(l.level)}</span> <b>${l.score === null ? "unscored" : l.score.toFixed(2)}</b>` +
        `<div>${esc(l.reason)}</div>${l.violations.length ? `<div class="meta">${l.violations.map((x) => esc(x.code)).join(", ")}</div>` : ""}</div>`,
    )
    .join("");
  const violations = v.violations.length
    ? `<ul class="violations">${v.violations
        .map((x) => `<li class="${x.severity === "hard" ? "hard" : ""}">${esc(x.code)} (${esc(x.severity)}, ${esc(x.level)})${x.detail ? `: ${esc(x.detail)}` : ""}</li>`)
        .join("")}</ul>`
    : `<p class="meta">No violations.</p>`;
  return (
    `<p><b>${v.passed ? "gate passed" : "gate failed"}</b> · composite ${ratio(v.composite)} · route ${esc(v.route)} · mode ${esc(v.mode)}` +
    `${v.auditSampled ? " · <b>audit sample</b>" : ""}${v.unscored.length ? ` · unscored: ${esc(v.unscored.join(", "))}` : ""}</p>` +
    `<p class="meta">${esc(v.rationale)}</p><div class="levels">${levels}</div><div><b>Violations</b>${violations}</div>`
  );
}

/** Scope, ids and time of a verdict, one line. */
export function verdictMeta(v: Verdict): string {
  return `<div class="meta">scope <b>${esc(v.scope)}</b> · verdict <code>${esc(v.id)}</code> · thread <code>${esc(v.threadId)}</code> · ${esc(v.createdAt)}</div>`;
}
