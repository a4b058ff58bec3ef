import {
  coord,
  DEFAULT_FRAME,
  dayOf,
  emptyChart,
  escapeXml,
  extentOf,
  linearScale,
  svgOpen,
  ticks,
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

export interface LineChartSpec {
  testId: string;
  title: string;
  /** Fixed y range; the data's own range when omitted. */
  y?: Extent;
  yFormat?: (value: number) => string;
  lines: LineSeries[];
  bands?: BandSeries[];
  references?: ReferenceLine[];
  markers?: EventMarker[];
  /** Shown instead of the plot when no line has a point. */
  emptyMessage?: string;
  frame?: Frame;
}

/**
 * A time-series line chart as an SVG string. Lines are polylines (with a dot per point when there
 * are few), bands closed paths, thresholds dashed lines, events vertical rules with a short label.
 * `data-points` on the root counts the plotted points so a test can tell data from an empty frame.
 */
export function renderLineChart(spec: LineChartSpec): string {
  const frame = spec.frame ?? DEFAULT_FRAME;
  const all = spec.lines.flatMap((l) => l.points);
  if (all.length === 0) return emptyChart(frame, spec.testId, spec.title, spec.emptyMessage ?? "No data yet");

  const markers = spec.markers ?? [];
  const xs = [...all.map((p) => p.x), ...markers.map((m) => m.x)];
  const xExtent = extentOf(xs, { min: 0, max: 1 });
  const yExtent = spec.y ?? extentOf(all.map((p) => p.y), { min: 0, max: 1 });
  const x = linearScale(xExtent, frame.left, frame.width - frame.right);
  const y = linearScale(yExtent, frame.height - frame.bottom, frame.top);
  const format = spec.yFormat ?? ((v: number) => v.toFixed(2));

  const parts: string[] = [svgOpen(frame, spec.testId, spec.title, all.length)];
  parts.push(yGrid(frame, y, ticks(yExtent, 5), format));
  parts.push(xLabels(frame, ticks(xExtent, xExtent.max === xExtent.min ? 1 : 4).map((v) => ({ x: x(v), text: dayOf(v) }))));

  for (const band of spec.bands ?? []) {
    if (band.points.length === 0) continue;
    const upper = band.points.map((p) => `${coord(x(p.x))},${coord(y(p.upper))}`);
    const lower = [...band.points].reverse().map((p) => `${coord(x(p.x))},${coord(y(p.lower))}`);
    parts.push(`<path class="band ${band.className}" data-series="${escapeXml(band.name)}" d="M${upper.join("L")}L${lower.join("L")}Z"/>`);
  }
  for (const ref of spec.references ?? []) {
    const py = coord(y(ref.y));
    parts.push(
      `<line class="reference ${ref.className}" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${py}" y2="${py}"/>` +
        `<text class="reference-label ${ref.className}" x="${frame.left + 4}" y="${Number(py) - 4}">${escapeXml(ref.label)}</text>`,
    );
  }
  markers.forEach((m, i) => {
    const px = coord(x(m.x));
    const nearRight = x(m.x) > frame.width - frame.right - 70;
    parts.push(
      `<g class="marker ${m.className}" data-event="${escapeXml(m.label)}"><title>${escapeXml(`${dayOf(m.x)} ${m.label}`)}</title>` +
        `<line x1="${px}" x2="${px}" y1="${frame.top}" y2="${frame.height - frame.bottom}"/>` +
        `<text x="${nearRight ? Number(px) - 3 : Number(px) + 3}" y="${frame.top + 10 + (i % 3) * 11}"` +
        `${nearRight ? ' text-anchor="end"' : ""}>${escapeXml(m.label)}</text></g>`,
    );
  });
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
  parts.push(legend(frame, spec));
  parts.push("</svg>");
  return parts.join("");
}

function legend(frame: Frame, spec: LineChartSpec): string {
  const entries = [
    ...spec.lines.map((l) => ({ name: l.name, className: `line ${l.className}` })),
    ...(spec.bands ?? []).map((b) => ({ name: b.name, className: `band ${b.className}` })),
  ];
  let px = frame.width - frame.right;
  return entries
    .reverse()
    .map((e) => {
      px -= e.name.length * 6 + 22;
      return (
        `<g class="legend"><rect class="${e.className}" x="${px}" y="23" width="12" height="4"/>` +
        `<text class="tick" x="${px + 16}" y="28">${escapeXml(e.name)}</text></g>`
      );
    })
    .join("");
}
