/**
 * Shared geometry for the report's server-rendered SVG charts: the plot area, linear scales,
 * ticks and escaping. No chart library: the report must open offline, from one file.
 */

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

export const DEFAULT_FRAME: Readonly<Frame> = Object.freeze({ width: 560, height: 236, left: 44, right: 14, top: 40, bottom: 34 });

/** Maps a data extent onto a pixel range; a zero-width extent maps to the middle. */
export function linearScale(domain: Extent, from: number, to: number): (value: number) => number {
  const span = domain.max - domain.min;
  return (value) => (span === 0 ? (from + to) / 2 : from + ((value - domain.min) / span) * (to - from));
}

/** `count` evenly spaced tick values across an extent (both ends included). */
export function ticks(extent: Extent, count: number): number[] {
  if (extent.max === extent.min || count < 2) return [extent.min];
  const step = (extent.max - extent.min) / (count - 1);
  return Array.from({ length: count }, (_, i) => extent.min + i * step);
}

/** Extent of some values, widened to `fallback` when empty. */
export function extentOf(values: number[], fallback: Extent): Extent {
  if (values.length === 0) return fallback;
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** A day (`YYYY-MM-DD`) of a millisecond timestamp, in UTC. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of a `YYYY-MM-DD` day in milliseconds, UTC. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
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

/** Horizontal grid lines with y tick labels, and the x axis baseline. */
export function yGrid(frame: Frame, y: (v: number) => number, values: number[], format: (v: number) => string): string {
  const x1 = frame.left;
  const x2 = frame.width - frame.right;
  return values
    .map((v) => {
      const py = coord(y(v));
      return (
        `<line class="grid" x1="${x1}" x2="${x2}" y1="${py}" y2="${py}"/>` +
        `<text class="tick" x="${x1 - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeXml(format(v))}</text>`
      );
    })
    .join("");
}

/** X tick labels along the bottom of the plot area; labels near an edge are anchored inside it. */
export function xLabels(frame: Frame, labels: Array<{ x: number; text: string }>): string {
  const py = frame.height - frame.bottom + 16;
  return labels
    .map((l) => {
      const anchor = l.x < frame.left + 30 ? "start" : l.x > frame.width - frame.right - 30 ? "end" : "middle";
      return `<text class="tick" x="${coord(l.x)}" y="${py}" text-anchor="${anchor}">${escapeXml(l.text)}</text>`;
    })
    .join("");
}
