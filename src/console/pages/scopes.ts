import { LEVEL_ROLES } from "../../competence/levels.js";
import type { ReportData, ScopeSeries } from "../../report/series.js";
import { minuteOf } from "../../report/svg-frame.js";
import { renderLineChart } from "../../report/svg-line-chart.js";
import { esc, ratio } from "../layout.js";

/** The scopes page body: per scope the figures of `status`, its agreement and autonomy over time, its breaker history. */
export function scopesBody(data: ReportData): string {
  const kill = `<p class="meta">Kill switch: ${data.killSwitch ? "<b>ON</b> (no LLM calls, nothing auto-approves)" : "off"}.</p>`;
  if (data.scopes.length === 0) return `${kill}<div class="card">No scopes yet: nothing has been gated.</div>`;
  return kill + data.scopes.map(scopeCard).join("\n");
}

function scopeCard(series: ScopeSeries): string {
  const s = series.status;
  const stats: Array<[string, string]> = [
    ["mode", s.mode],
    ["decided (n)", String(s.n)],
    ["agreement", ratio(s.agreement)],
    ["Wilson lower", ratio(s.wilsonLower)],
    ["Cohen's κ", ratio(s.kappa)],
    ["pass precision", ratio(s.passPrecision)],
    ["rejected passes", String(s.rejectedPasses)],
    ["autonomy rate", ratio(s.autonomyRate)],
    [`competence (${s.competenceBand})`, s.competence.toFixed(2)],
    ["escalation rate", ratio(s.escalationRate)],
    ["esc. appropriate", ratio(s.escalationAppropriateness)],
    ["missed escalations", ratio(s.missedEscalationRate)],
    ["handoff sufficient", ratio(s.handoffSufficiency)],
    ["open escalations", String(s.escalations.open)],
  ];
  const eligibility = s.eligible
    ? `<p class="meta" data-testid="eligibility">Eligible for auto under policy v${s.policyVersion}.</p>`
    : `<p class="reasons" data-testid="eligibility">Not eligible: ${esc(s.reasons.join("; "))}</p>`;
  const markers = series.events.map((e) => ({ x: e.x, label: e.label, className: e.kind }));
  const agreement = renderLineChart({
    testId: "chart-agreement",
    title: "Agreement with the human (cumulative, Wilson 95% band)",
    y: { min: 0, max: 1 },
    bands: [{ name: "Wilson 95%", className: "wilson", points: series.agreement.map((p) => ({ x: p.x, lower: p.lower, upper: p.upper })) }],
    lines: [{ name: "agreement", className: "agreement", points: series.agreement.map((p) => ({ x: p.x, y: p.agreement })) }],
    references: [{ y: series.threshold, label: `flip threshold ${series.threshold.toFixed(2)}`, className: "threshold" }],
    markers: markers.filter((m) => m.className === "mode_change" || m.className === "ceiling_change"),
    boundaries: series.boundaries,
    emptyMessage: "No decided verdicts yet",
  });
  const autonomy = renderLineChart({
    testId: "chart-autonomy",
    title: `Autonomy rate per ${series.unit}`,
    y: { min: 0, max: 1 },
    lines: [{ name: "autonomy rate", className: "autonomy", points: series.autonomy }],
    markers,
    emptyMessage: "No verdicts yet",
  });
  const history = series.events.filter((e) => e.kind === "breaker_trip" || e.kind === "mode_change");
  const table = history.length
    ? `<table class="list" data-testid="breaker-history"><thead><tr><th>time (UTC)</th><th>event</th><th>reason</th><th>actor</th></tr></thead><tbody>${history
        .map(
          (e) =>
            `<tr><td data-label="time">${esc(minuteOf(e.x))}</td><td data-label="event">${esc(e.label)}</td><td data-label="reason">${esc(e.reason ?? "–")}</td><td data-label="actor">${esc(e.actor)}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : `<p class="meta">No breaker trips or mode changes yet.</p>`;
  return `<section class="card scope" data-scope="${esc(s.scope)}">
<div class="scope-head"><h2>${esc(s.scope)}</h2><span class="pill ${esc(s.level)}">${esc(s.level)} · ${esc(LEVEL_ROLES[s.level])}</span>${
    s.breaker === "open" ? `<span class="pill open">breaker open${s.breakerReason ? `: ${esc(s.breakerReason)}` : ""}</span>` : ""
  }</div>
<p class="window">Figures: current evidence — epoch ${s.epoch}, provenance ${esc((s.provenanceKey ?? "–").slice(0, 12))}; charts: all history (the shaded span is the current evidence).</p>
<div class="stats" data-testid="stats">${stats.map(([k, v]) => `<div class="stat" data-stat="${esc(k)}"><b>${esc(v)}</b><span>${esc(k)}</span></div>`).join("")}</div>
${eligibility}
<div class="charts"><figure>${agreement}</figure><figure>${autonomy}</figure></div>
<h3 style="margin-top:12px">Breaker and mode history</h3>${table}
</section>`;
}
