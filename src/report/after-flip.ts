/**
 * The report's after-the-flip figures of one scope (issue 13), the ones `autonomy-gate status`
 * shows: the post-hoc audit queue and its findings, the seed 000 autonomy-rate band, calibration
 * (reliability table, Brier score, per-level and rolling agreement) and escalation per trigger with
 * its 7/30-day trend. Every figure is read from the scope's {@link ScopeStatus}.
 */
import { AUTONOMY_RATE_RANGES } from "../competence/autonomy-band.js";
import { age } from "../decisions/duration.js";
import type { ScopeStatus } from "../decisions/status.js";
import { triggerTrendRows } from "../escalation/trigger-trend.js";
import { escapeXml } from "./svg-frame.js";

const num = (v: number | null, digits = 2) => (v === null ? "–" : v.toFixed(digits));
const cell = (v: string) => `<td>${escapeXml(v)}</td>`;

export function tableHtml(testId: string, caption: string, headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="meta" data-testid="${testId}">${escapeXml(caption)}: ${escapeXml(empty)}</p>`;
  const head = headers.map((h) => `<th>${escapeXml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("");
  return `<div class="table-wrap"><table class="figures" data-testid="${testId}"><caption>${escapeXml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The after-the-flip block of a scope section; `now` dates the post-hoc queue's age. */
export function renderAfterFlip(s: ScopeStatus, now: Date): string {
  const p = s.postHoc;
  const oldest = p.queued === 0 || p.oldestQueuedAt === null ? "–" : age(now.getTime() - Date.parse(p.oldestQueuedAt));
  const band = s.autonomyBand === null ? "–" : `${s.autonomyBand} (${AUTONOMY_RATE_RANGES[s.autonomyBand]})`;
  const cards: Array<[string, string, string]> = [
    ["level", `${s.level} ${s.role}`, "stat-level"],
    ["autonomy band (seed 000)", band, "stat-autonomy-band"],
    ["post-hoc queue", String(p.queued), "stat-post-hoc-queue"],
    ["oldest queued", oldest, "stat-post-hoc-age"],
    ["reviews ok", String(p.reviewed - p.wrong), "stat-post-hoc-ok"],
    ["reviews wrong", String(p.wrong), "stat-post-hoc-wrong"],
    ["missed escalations", num(s.missedEscalationRate), "stat-missed-escalation"],
    ["Brier score", num(s.calibration.brier, 3), "stat-brier"],
  ];
  const { rolling } = s.calibration;
  const agreementRows = (["cumulative", "shadow", "auto"] as const).map((k) => [
    k === "cumulative" ? "cumulative" : `latest ${rolling.window} ${k}`,
    String(rolling[k].n),
    num(rolling[k].agreement),
  ]);
  const reliability = s.calibration.reliability
    .filter((b) => b.n > 0)
    .map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, String(b.n), String(b.approved), num(b.approveRate)]);
  const levels = s.calibration.levels.map((l) => [l.level, String(l.n), num(l.agreement)]);
  const triggers = triggerTrendRows(s.escalationTrend).map((r) => [r.trigger, num(r.last7d), num(r.last30d), num(r.all)]);
  const { last7d, last30d, all } = s.escalationTrend;
  return `<h3>After the flip</h3>
<p class="window">Post-hoc audit of executed auto-approvals; calibration over the newest ${s.calibration.n} decided verdicts on the current provenance key.</p>
<div class="stats">${cards.map(([k, v, id]) => `<div class="stat" data-testid="${id}"><b>${escapeXml(v)}</b><span>${escapeXml(k)}</span></div>`).join("")}</div>
<div class="figure-tables">
${tableHtml("table-rolling", "Agreement: rolling windows beside the cumulative figure", ["window", "n", "agreement"], agreementRows, "")}
${tableHtml("table-reliability", "Reliability: approve rate by composite", ["composite", "n", "approved", "approve rate"], reliability, "no decided verdict with a composite yet")}
${tableHtml("table-levels", "Per-level agreement (level alone, passing at ≥ 0.80)", ["level", "n", "agreement"], levels, "no scored levels yet")}
${tableHtml(
  "table-triggers",
  `Escalation rate per trigger (verdicts: ${last7d.verdicts} in 7 days, ${last30d.verdicts} in 30 days, ${all.verdicts} in all)`,
  ["trigger", "7 days", "30 days", "all"],
  triggers,
  "no trigger has fired",
)}
</div>`;
}
