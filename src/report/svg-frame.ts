/**
 * Shared geometry for the report's server-rendered SVG charts: the plot area, scales and ticks
 * (d3-scale: a UTC time axis and "nice" linear ticks), label layout and escaping. The charts are
 * strings rendered here: the report must open offline, from one file.
 */
import { scaleLinear, scaleUtc } from "d3-scale";
import { utcDay } from "d3-time";
import { utcFormat } from "d3-time-format";

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** A number as SVG coordinate text: two decimals, no trailing zeros. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export interface Extent {
  min: number;
  max: number;
}

/** The chart box: overall size and the margins around the plot area. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Title at the top, legend under it, two rows of event labels, then the plot. */
export const DEFAULT_FRAME: Readonly<Frame> = Object.freeze({ width: 560, height: 262, left: 44, right: 16, top: 64, bottom: 30 });

/** Baselines of the event-label rows above the plot. */
export const LABEL_ROWS = [44, 56] as const;

/** A scale with its ticks: `scale` maps a value to pixels, `ticks` are the labelled values. */
export interface Axis {
  scale: (value: number) => number;
  ticks: Array<{ value: number; text: string }>;
}

/** A linear axis with nice, round ticks (d3's 1-2-5 steps); `integer` keeps whole-number ticks only. */
export function linearAxis(domain: Extent, range: [number, number], options: { count?: number; integer?: boolean; format?: (v: number) => string } = {}): Axis {
  const count = options.count ?? 5;
  const flat = domain.max === domain.min;
  const scale = scaleLinear()
    .domain(flat ? [domain.min - 0.5, domain.max + 0.5] : [domain.min, domain.max])
    .range(range)
    .nice(count);
  const values = scale.ticks(count).filter((v) => !options.integer || Number.isInteger(v));
  const format = options.format ?? (options.integer ? String : scale.tickFormat(count));
  return { scale: (v) => scale(v), ticks: values.map((value) => ({ value, text: format(value) })) };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A UTC time axis with d3's calendar ticks (minutes, hours, days, weeks, months as the span
 * needs). Labels are distinct: they carry the date whenever the ticks cross days, and the time of
 * day whenever ticks fall within a day. A zero-width span is widened to one hour either side.
 */
export function timeAxis(domain: Extent, range: [number, number], count = 5): Axis {
  const min = domain.max === domain.min ? domain.min - HOUR : domain.min;
  const max = domain.max === domain.min ? domain.max + HOUR : domain.max;
  const scale = scaleUtc().domain([new Date(min), new Date(max)]).range(range);
  const values = scale.ticks(count).map((d) => d.getTime());
  const format = timeFormat(values);
  return { scale: (v) => scale(new Date(v)), ticks: values.map((value) => ({ value, text: format(new Date(value)) })) };
}

function timeFormat(values: number[]): (d: Date) => string {
  const step = values.length > 1 ? (values[1] ?? 0) - (values[0] ?? 0) : HOUR;
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const oneDay = utcDay.floor(new Date(first)).getTime() === utcDay.floor(new Date(last)).getTime();
  const oneYear = new Date(first).getUTCFullYear() === new Date(last).getUTCFullYear();
  if (step < MINUTE) return utcFormat("%H:%M:%S");
  if (step < 24 * HOUR) return utcFormat(oneDay ? "%H:%M" : "%b %d %H:%M");
  if (step < 28 * 24 * HOUR) return utcFormat(oneYear ? "%b %d" : "%b %d %Y");
  return utcFormat("%b %Y");
}

/** Extent of some values, widened to `fallback` when empty. */
export function extentOf(values: number[], fallback: Extent): Extent {
  if (values.length === 0) return fallback;
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** A timestamp as `YYYY-MM-DD HH:MM` UTC, for tooltips and tables. */
export function minuteOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

/** The `<svg>` opening tag every chart uses: responsive, labelled, findable by test id. */
export function svgOpen(frame: Frame, testId: string, title: string, points: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" ` +
    `role="img" aria-label="${escapeXml(title)}" data-testid="${escapeXml(testId)}" ` +
    `data-points="${points}" data-empty="${points === 0}">` +
    `<title>${escapeXml(title)}</title>` +
    `<text class="chart-title" x="${frame.left}" y="16">${escapeXml(title)}</text>`
  );
}

/** The placeholder drawn where a chart has no data yet. */
export function emptyChart(frame: Frame, testId: string, title: string, message: string): string {
  return (
    svgOpen(frame, testId, title, 0) +
    `<text class="empty" x="${frame.width / 2}" y="${frame.height / 2}" text-anchor="middle">${escapeXml(message)}</text></svg>`
  );
}

/** Horizontal grid lines with y tick labels. */
export function yGrid(frame: Frame, axis: Axis): string {
  const x1 = frame.left;
  const x2 = frame.width - frame.right;
  return axis.ticks
    .map((t) => {
      const py = coord(axis.scale(t.value));
      return (
        `<line class="grid" x1="${x1}" x2="${x2}" y1="${py}" y2="${py}"/>` +
        `<text class="tick y-tick" x="${x1 - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeXml(t.text)}</text>`
      );
    })
    .join("");
}

/** X tick labels along the bottom of the plot area; labels near an edge are anchored inside it. */
export function xLabels(frame: Frame, labels: Array<{ x: number; text: string; value?: number }>): string {
  const py = frame.height - frame.bottom + 16;
  return labels
    .map((l) => {
      const half = approxWidth(l.text, 10) / 2;
      const anchor = l.x - half < frame.left - 20 ? "start" : l.x + half > frame.width ? "end" : "middle";
      const value = l.value === undefined ? "" : ` data-value="${l.value}"`;
      return `<text class="tick x-tick" x="${coord(l.x)}" y="${py}" text-anchor="${anchor}"${value}>${escapeXml(l.text)}</text>`;
    })
    .join("");
}

/** Rough rendered width of a label in the report's sans-serif font. */
export function approxWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/** A label to place in one of the rows above the plot, at an x position. */
export interface RowLabel {
  x: number;
  text: string;
}

/**
 * Places labels in the rows above the plot without overlap: each goes to the first row where it
 * fits (anchored left of its x, or right of it near the right edge); a label that fits nowhere is
 * dropped (its marker keeps a tooltip). Returns, per label, its row and anchor, or null.
 */
export function layoutRowLabels(frame: Frame, labels: RowLabel[], fontSize = 9.5, rows = LABEL_ROWS.length): Array<{ row: number; x: number; anchor: "start" | "end" } | null> {
  const taken: Array<Array<[number, number]>> = Array.from({ length: rows }, () => []);
  return labels.map((label) => {
    const width = approxWidth(label.text, fontSize) + 4;
    const nearRight = label.x + width > frame.width - 2;
    const [from, to] = nearRight ? [label.x - 3 - width, label.x - 3] : [label.x + 3, label.x + 3 + width];
    for (let row = 0; row < rows; row++) {
      const spans = taken[row] ?? [];
      if (spans.every(([a, b]) => to < a || from > b)) {
        spans.push([from, to]);
        return { row, x: nearRight ? label.x - 3 : label.x + 3, anchor: nearRight ? "end" : "start" };
      }
    }
    return null;
  });
}
