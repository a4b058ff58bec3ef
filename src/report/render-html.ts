import { LEVEL_ROLES } from "../competence/levels.js";
import { PACKAGE_VERSION } from "../version.js";
import { renderAfterFlip } from "./after-flip.js";
import type { ReportData, ScopeSeries } from "./series.js";
import { REPORT_CSS } from "./styles.js";
import { renderTokens } from "./token-table.js";
import { renderBarChart } from "./svg-bar-chart.js";
import { escapeXml, minuteOf } from "./svg-frame.js";
import { renderLineChart, type EventMarker } from "./svg-line-chart.js";

const pct = (v: number | null) => (v === null ? "–" : v.toFixed(2));

/**
 * The report as one self-contained HTML document: inline CSS and server-rendered SVG, no script,
 * no network. Each chart carries `data-testid` and `data-points` so a browser test can tell it
 * rendered with data.
 */
export function renderReportHtml(data: ReportData, title = "autonomy-gate report"): string {
  const body =
    data.scopes.length === 0 ? `<p class="meta">No scopes yet: nothing has been gated.</p>` : data.scopes.map((scope) => scopeSection(scope, new Date(data.generatedAt))).join("\n");
  const kill = data.killSwitch ? "<b>ON</b> (nothing auto-approves)" : "off";
  const count = `${data.scopes.length} scope${data.scopes.length === 1 ? "" : "s"}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title><style>${REPORT_CSS}</style></head>
<body><header><h1>${escapeXml(title)}</h1>
<div class="meta">Generated ${escapeXml(data.generatedAt)} by autonomy-gate ${PACKAGE_VERSION} · kill switch ${kill} · ${count}</div></header>
<main>
${body}
</main></body></html>
`;
}

function scopeSection(series: ScopeSeries, now: Date): string {
  const s = series.status;
  const markers: EventMarker[] = series.events.map((e) => ({ x: e.x, label: e.label, className: e.kind }));
  const stats: Array<[string, string]> = [
    ["mode", s.mode],
    ["decided (n)", String(s.n)],
    ["agreement", pct(s.agreement)],
    ["Wilson lower", pct(s.wilsonLower)],
    ["Cohen's κ", pct(s.kappa)],
    ["rejected passes", String(s.rejectedPasses)],
    ["autonomy rate", pct(s.autonomyRate)],
    [`competence (${s.competenceBand})`, s.competence.toFixed(2)],
    ["ceiling", s.ceiling ?? "none"],
    ["policy version", String(s.policyVersion)],
  ];
  const charts = [
    renderLineChart({
      testId: "chart-agreement",
      title: "Agreement with the human (cumulative, Wilson 95% band)",
      y: { min: 0, max: 1 },
      bands: [
        { name: "Wilson 95%", className: "wilson", points: series.agreement.map((p) => ({ x: p.x, lower: p.lower, upper: p.upper })) },
      ],
      lines: [{ name: "agreement", className: "agreement", points: series.agreement.map((p) => ({ x: p.x, y: p.agreement })) }],
      references: [{ y: series.threshold, label: `flip threshold ${series.threshold.toFixed(2)}`, className: "threshold" }],
      // Breaker trips and provenance changes show here as the evidence boundaries they start.
      markers: markers.filter((m) => m.className !== "breaker_trip" && m.className !== "provenance_change"),
      boundaries: series.boundaries,
      emptyMessage: "No decided verdicts yet",
    }),
    renderBarChart({
      testId: "chart-decisions",
      title: `Decisions per ${series.unit}`,
      categories: series.buckets,
      stacks: (["approve", "edit", "reject", "skip"] as const).map((t) => ({ name: t, className: t, values: series.decisions[t] })),
      emptyMessage: "No decisions yet",
    }),
    renderLineChart({
      testId: "chart-autonomy",
      title: `Autonomy rate (share of each ${series.unit}'s drafts auto-approved)`,
      y: { min: 0, max: 1 },
      lines: [{ name: "autonomy rate", className: "autonomy", points: series.autonomy }],
      markers,
      emptyMessage: "No verdicts yet",
    }),
    renderLineChart({
      testId: "chart-competence",
      title: "Competence (belief strength)",
      y: { min: 0, max: 1 },
      lines: [{ name: "strength", className: "competence", points: series.competence }],
      references: [
        { y: series.bands.proposalAt, label: `proposal ≥ ${series.bands.proposalAt}`, className: "band-proposal" },
        { y: series.bands.autonomousAt, label: `autonomous ≥ ${series.bands.autonomousAt}`, className: "band-autonomous" },
      ],
      markers,
      emptyMessage: "No ledger updates yet",
    }),
  ];
  const eventRows = series.events
    .map(
      (e) =>
        `<tr><td>${escapeXml(minuteOf(e.x))}</td><td>${escapeXml(e.kind.replaceAll("_", " "))}</td><td>${escapeXml(e.label)}</td>` +
        `<td>${escapeXml(e.reason ?? "–")}</td><td>${escapeXml(e.actor)}</td></tr>`,
    )
    .join("");
  const pills =
    `<span class="pill ${s.level}">${s.level} · ${LEVEL_ROLES[s.level]}</span>` +
    (s.breaker === "open" ? `<span class="pill open">breaker open</span>` : "") +
    `<span class="meta">provenance ${escapeXml((s.provenanceKey ?? "–").slice(0, 12))}</span>`;
  const eligibility = s.eligible
    ? `<p class="meta">Eligible for auto under policy v${s.policyVersion}.</p>`
    : `<p class="reasons">Not eligible: ${escapeXml(s.reasons.join("; "))}</p>`;
  const table = eventRows
    ? `<div class="table-wrap"><table class="events"><thead><tr><th>time (UTC)</th><th>event</th><th>detail</th><th>reason</th><th>actor</th></tr></thead><tbody>${eventRows}</tbody></table></div>`
    : "";
  return `<section class="scope" data-scope="${escapeXml(s.scope)}">
<div class="scope-head"><h2>${escapeXml(s.scope)}</h2>${pills}</div>
<p class="window" data-testid="cards-window">Cards: the current evidence only — epoch ${s.epoch}, provenance ${escapeXml((s.provenanceKey ?? "–").slice(0, 12))} (n = ${s.n} decided).</p>
<div class="stats">${stats.map(([k, v]) => `<div class="stat"><b>${escapeXml(v)}</b><span>${escapeXml(k)}</span></div>`).join("")}</div>
${eligibility}
<p class="window" data-testid="charts-window">Charts: ${chartWindow(series)}</p>
<div class="charts">${charts.map((c) => `<figure>${c}</figure>`).join("\n")}</div>
${renderAfterFlip(s, now)}
${renderTokens(s)}
${table}
</section>`;
}

function chartWindow(series: ScopeSeries): string {
  const w = series.window;
  if (w.from === null || w.to === null) return "no verdicts yet.";
  const span = `${escapeXml(minuteOf(Date.parse(w.from)))} to ${escapeXml(minuteOf(Date.parse(w.to)))} UTC`;
  const which = w.truncated ? `the latest ${w.verdicts} verdicts` : `all history (${w.verdicts} verdicts, ${w.decisions} decided)`;
  const shade = series.boundaries.length > 0 ? "; the shaded span is the current evidence" : "";
  return `${which}, ${span}, per ${series.unit}${shade}.`;
}
