import {
  approxWidth,
  coord,
  DEFAULT_FRAME,
  emptyChart,
  escapeXml,
  extentOf,
  LABEL_ROWS,
  layoutRowLabels,
  linearAxis,
  minuteOf,
  svgOpen,
  timeAxis,
  xLabels,
  yGrid,
  type Extent,
  type Frame,
} from "./svg-frame.js";

export interface Point {
  /** Milliseconds since the epoch. */
  x: number;
  y: number;
}

export interface LineSeries {
  name: string;
  /** A CSS class giving the stroke colour (see the report's stylesheet). */
  className: string;
  points: Point[];
}

/** A shaded interval around a line (e.g. the Wilson band), drawn as one closed path. */
export interface BandSeries {
  name: string;
  className: string;
  /** Upper and lower bounds at the same x values, in x order. */
  points: Array<{ x: number; lower: number; upper: number }>;
}

/** A horizontal reference line (a threshold). */
export interface ReferenceLine {
  y: number;
  label: string;
  className: string;
}

/** A vertical event marker (mode change, breaker trip, provenance change). */
export interface EventMarker {
  x: number;
  label: string;
  className: string;
}

/** Where a new body of evidence starts (a new epoch or provenance): a solid rule, labelled. */
export interface Boundary {
  x: number;
  label: string;
}

export interface LineChartSpec {
  testId: string;
  title: string;
  /** Fixed y range (nice ticks inside it); the data's own range when omitted. */
  y?: Extent;
  yFormat?: (value: number) => string;
  lines: LineSeries[];
  bands?: BandSeries[];
  references?: ReferenceLine[];
  markers?: EventMarker[];
  /** Evidence boundaries; the span after the last one is shaded as the current evidence. */
  boundaries?: Boundary[];
  /** Shown instead of the plot when no line has a point. */
  emptyMessage?: string;
  frame?: Frame;
}

/**
 * A time-series line chart as an SVG string: a UTC time axis with calendar ticks, nice y ticks,
 * polylines (with a dot per point when there are few), bands as closed paths, thresholds as dashed
 * lines labelled at the right end, events and evidence boundaries as vertical rules whose labels
 * sit in rows above the plot without overlapping. `data-points` on the root counts the plotted
 * points so a test can tell data from an empty frame.
 */
export function renderLineChart(spec: LineChartSpec): string {
  const frame = spec.frame ?? DEFAULT_FRAME;
  const all = spec.lines.flatMap((l) => l.points);
  if (all.length === 0) return emptyChart(frame, spec.testId, spec.title, spec.emptyMessage ?? "No data yet");

  const markers = spec.markers ?? [];
  const boundaries = spec.boundaries ?? [];
  const xs = [...all.map((p) => p.x), ...markers.map((m) => m.x), ...boundaries.map((b) => b.x)];
  const xAxis = timeAxis(extentOf(xs, { min: 0, max: 1 }), [frame.left, frame.width - frame.right]);
  const yAxis = linearAxis(spec.y ?? extentOf(all.map((p) => p.y), { min: 0, max: 1 }), [frame.height - frame.bottom, frame.top], {
    ...(spec.yFormat ? { format: spec.yFormat } : {}),
  });
  const x = xAxis.scale;
  const y = yAxis.scale;
  const bottom = frame.height - frame.bottom;

  const parts: string[] = [svgOpen(frame, spec.testId, spec.title, all.length)];
  const current = boundaries[boundaries.length - 1];
  if (current) {
    const from = x(current.x);
    parts.push(
      `<rect class="current-epoch" x="${coord(from)}" y="${frame.top}" width="${coord(frame.width - frame.right - from)}" height="${bottom - frame.top}"/>`,
    );
  }
  parts.push(yGrid(frame, yAxis));
  parts.push(xLabels(frame, xAxis.ticks.map((t) => ({ x: x(t.value), text: t.text, value: t.value }))));

  for (const band of spec.bands ?? []) {
    if (band.points.length === 0) continue;
    const upper = band.points.map((p) => `${coord(x(p.x))},${coord(y(p.upper))}`);
    const lower = [...band.points].reverse().map((p) => `${coord(x(p.x))},${coord(y(p.lower))}`);
    parts.push(`<path class="band ${band.className}" data-series="${escapeXml(band.name)}" d="M${upper.join("L")}L${lower.join("L")}Z"/>`);
  }
  for (const line of spec.lines) {
    if (line.points.length === 0) continue;
    const pts = line.points.map((p) => `${coord(x(p.x))},${coord(y(p.y))}`).join(" ");
    parts.push(`<polyline class="line ${line.className}" data-series="${escapeXml(line.name)}" points="${pts}"/>`);
    if (line.points.length <= 60) {
      parts.push(
        line.points.map((p) => `<circle class="dot ${line.className}" cx="${coord(x(p.x))}" cy="${coord(y(p.y))}" r="2.5"/>`).join(""),
      );
    }
  }
  // Reference labels sit at the right end, above their line when there is room, with a halo.
  for (const ref of spec.references ?? []) {
    const py = y(ref.y);
    const ly = py - 4 < frame.top + 8 ? py + 11 : py - 4;
    parts.push(
      `<line class="reference ${ref.className}" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${coord(py)}" y2="${coord(py)}"/>` +
        `<text class="reference-label ${ref.className}" x="${frame.width - frame.right - 2}" y="${coord(ly)}" text-anchor="end">${escapeXml(ref.label)}</text>`,
    );
  }
  const rules = [
    ...boundaries.map((b) => ({ x: b.x, label: b.label, group: "epoch-boundary", title: `${minuteOf(b.x)} ${b.label}` })),
    ...markers.map((m) => ({ x: m.x, label: m.label, group: `marker ${m.className}`, title: `${minuteOf(m.x)} ${m.label}` })),
  ];
  const placed = layoutRowLabels(frame, rules.map((r) => ({ x: x(r.x), text: r.label })));
  rules.forEach((r, i) => {
    const px = coord(x(r.x));
    const spot = placed[i];
    const label = spot
      ? `<text x="${coord(spot.x)}" y="${LABEL_ROWS[spot.row] ?? LABEL_ROWS[0]}"${spot.anchor === "end" ? ' text-anchor="end"' : ""}>${escapeXml(r.label)}</text>`
      : "";
    parts.push(
      `<g class="${r.group}" data-event="${escapeXml(r.label)}"><title>${escapeXml(r.title)}</title>` +
        `<line x1="${px}" x2="${px}" y1="${LABEL_ROWS[0] + 2}" y2="${bottom}"/>${label}</g>`,
    );
  });
  parts.push(legend(frame, spec));
  parts.push("</svg>");
  return parts.join("");
}

function legend(frame: Frame, spec: LineChartSpec): string {
  const entries = [
    ...spec.lines.map((l) => ({ name: l.name, className: `line ${l.className}` })),
    ...(spec.bands ?? []).map((b) => ({ name: b.name, className: `band ${b.className}` })),
    ...((spec.boundaries ?? []).length > 0 ? [{ name: "current evidence", className: "current-epoch" }] : []),
  ];
  let px = frame.left;
  return entries
    .map((e) => {
      const out =
        `<g class="legend"><rect class="${e.className}" x="${px}" y="26" width="12" height="6"/>` +
        `<text class="tick" x="${px + 16}" y="32">${escapeXml(e.name)}</text></g>`;
      px += approxWidth(e.name, 10) + 30;
      return out;
    })
    .join("");
}
