import { approxWidth, coord, DEFAULT_FRAME, emptyChart, escapeXml, linearAxis, svgOpen, xLabels, yGrid, type Frame } from "./svg-frame.js";

/** One stacked layer of a bar chart (e.g. the approvals of each day). */
export interface BarStack {
  name: string;
  /** A CSS class giving the fill colour. */
  className: string;
  /** One value per category. */
  values: number[];
}

export interface BarChartSpec {
  testId: string;
  title: string;
  /** The x categories, in order (e.g. days). */
  categories: string[];
  stacks: BarStack[];
  emptyMessage?: string;
  frame?: Frame;
}

/**
 * A stacked bar chart as an SVG string: one `<rect>` per non-zero cell, with a `<title>` giving
 * the category, layer and value. `data-points` counts the categories.
 */
export function renderBarChart(spec: BarChartSpec): string {
  const frame = spec.frame ?? DEFAULT_FRAME;
  const totals = spec.categories.map((_, i) => spec.stacks.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(0, ...totals);
  if (spec.categories.length === 0 || max === 0) {
    return emptyChart(frame, spec.testId, spec.title, spec.emptyMessage ?? "No data yet");
  }
  const plotWidth = frame.width - frame.left - frame.right;
  const slot = plotWidth / spec.categories.length;
  const barWidth = Math.max(1, slot * 0.75);
  const yAxis = linearAxis({ min: 0, max }, [frame.height - frame.bottom, frame.top], { integer: true });
  const y = yAxis.scale;

  const parts: string[] = [svgOpen(frame, spec.testId, spec.title, spec.categories.length)];
  parts.push(yGrid(frame, yAxis));
  spec.categories.forEach((category, i) => {
    const px = frame.left + i * slot + (slot - barWidth) / 2;
    let base = 0;
    for (const stack of spec.stacks) {
      const value = stack.values[i] ?? 0;
      if (value <= 0) continue;
      const top = y(base + value);
      const height = y(base) - top;
      parts.push(
        `<rect class="bar ${stack.className}" x="${coord(px)}" y="${coord(top)}" width="${coord(barWidth)}" height="${coord(height)}">` +
          `<title>${escapeXml(`${category} ${stack.name}: ${value}`)}</title></rect>`,
      );
      base += value;
    }
  });
  // Label every n-th bucket so the labels never touch (widest label plus a gap per slot).
  const widest = Math.max(...spec.categories.map((c) => approxWidth(c, 10)));
  const every = Math.max(1, Math.ceil((widest + 12) / slot));
  parts.push(
    xLabels(
      frame,
      spec.categories.flatMap((c, i) => (i % every === 0 ? [{ x: frame.left + i * slot + slot / 2, text: c }] : [])),
    ),
  );
  let px = frame.left;
  for (const stack of spec.stacks) {
    parts.push(
      `<g class="legend"><rect class="bar ${stack.className}" x="${px}" y="24" width="12" height="8"/>` +
        `<text class="tick" x="${px + 16}" y="32">${escapeXml(stack.name)}</text></g>`,
    );
    px += approxWidth(stack.name, 10) + 30;
  }
  parts.push("</svg>");
  return parts.join("");
}
