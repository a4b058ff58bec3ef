import type { GateStore } from "../store/types.js";
import { renderReportHtml } from "./render-html.js";
import { buildReportData, type ReportDataOptions } from "./series.js";

/** Options of {@link generateReport}. */
export interface ReportOptions extends ReportDataOptions {
  /** The page title. @default "autonomy-gate report" */
  title?: string;
}

/**
 * The visual report (DESIGN §6): one self-contained HTML file — per scope, agreement over time
 * with its Wilson band, the flip threshold and the evidence boundaries, decisions and the autonomy
 * rate per hour, day or week, mode changes and breaker trips marked, the competence curve, and the
 * after-the-flip figures `status` shows (post-hoc queue and findings, level and autonomy band,
 * calibration, escalation per trigger with its 7/30-day trend).
 * Charts are SVG rendered here (scales and ticks from d3-scale); the page loads nothing from the
 * network.
 */
export async function generateReport(store: GateStore, options: ReportOptions = {}): Promise<string> {
  const { title, ...dataOptions } = options;
  return renderReportHtml(await buildReportData(store, dataOptions), title);
}
