/** The report's inline stylesheet: the chart classes used by the SVG renderers, and the page. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { padding: 20px 28px 8px; }
h1 { margin: 0 0 4px; font-size: 22px; }
h2 { margin: 0; font-size: 18px; }
.meta { color: var(--muted); font-size: 13px; }
main { padding: 0 28px 28px; }
@media (max-width: 600px) { header { padding: 14px 12px 6px; } main { padding: 0 8px 16px; } section.scope { padding: 12px 10px; } }
.window { color: var(--muted); font-size: 12px; margin: 10px 0 0; }
.table-wrap { max-width: 100%; overflow-x: auto; }
section.scope { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-top: 18px; }
.scope-head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; background: #e4e7eb; }
.pill.L5 { background: #c6f7e2; color: #014d40; } .pill.L4 { background: #c6f7e2; color: #014d40; } .pill.L3 { background: #dceefb; color: #0b4f8a; } .pill.L2 { background: #ffe3c2; color: #7a3e00; } .pill.L1 { background: #ffe3e3; color: #8a041a; }
.pill.open { background: #ffd7d7; color: #8a041a; }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(104px, 1fr)); gap: 8px; margin: 14px 0 6px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 6px 10px; }
.stat b { display: block; font-size: 17px; } .stat span { color: var(--muted); font-size: 12px; }
.reasons { color: #8a041a; font-size: 13px; margin: 6px 0 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 14px; margin-top: 12px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 6px; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 12px; padding: 2px 6px 0; }
table.events { border-collapse: collapse; margin-top: 12px; font-size: 13px; }
h3 { margin: 18px 0 0; font-size: 15px; }
.figure-tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr)); gap: 12px; margin-top: 8px; }
.figure-tables > * { min-width: 0; }
table.figures { border-collapse: collapse; font-size: 13px; }
table.figures caption { text-align: left; color: var(--muted); font-size: 12px; padding-bottom: 2px; }
table.figures td, table.figures th { border-bottom: 1px solid var(--line); padding: 3px 12px 3px 0; text-align: left; }
table.events td, table.events th { border-bottom: 1px solid var(--line); padding: 3px 12px 3px 0; text-align: left; }
.chart-title { font-size: 12px; font-weight: 600; fill: var(--ink); }
.tick { font-size: 10px; fill: var(--muted); }
.empty { font-size: 13px; fill: var(--muted); }
.grid { stroke: #eef0f3; stroke-width: 1; }
polyline.line { fill: none; stroke-width: 2; stroke-linejoin: round; }
circle.dot { stroke: none; }
.band { stroke: none; opacity: 0.35; }
rect.line, rect.band { stroke: none; }
.reference { stroke-width: 1.2; stroke-dasharray: 5 4; }
text.reference-label { font-size: 10px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.marker line { stroke-width: 1.2; stroke-dasharray: 2 3; }
.marker text, .epoch-boundary text { font-size: 9.5px; stroke: none; }
.epoch-boundary line { stroke: #1f2933; stroke-width: 1.4; }
.epoch-boundary text { fill: #1f2933; font-weight: 600; }
rect.current-epoch { fill: #fff8c5; stroke: none; }
.agreement { stroke: #2680c2; fill: #2680c2; } .wilson { fill: #9fd4f5; }
.threshold { stroke: #cf1124; fill: #cf1124; }
.autonomy { stroke: #0c8a73; fill: #0c8a73; }
.competence { stroke: #5a3fc0; fill: #5a3fc0; }
.band-proposal { stroke: #e67e00; fill: #e67e00; } .band-autonomous { stroke: #0c8a73; fill: #0c8a73; }
.approve { fill: #3ebd93; } .edit { fill: #f0b429; } .reject { fill: #e12d39; } .skip { fill: #bcccdc; }
.mode_change line { stroke: #7c5cd6; } .mode_change text { fill: #5a3fc0; }
.breaker_trip line { stroke: #cf1124; } .breaker_trip text { fill: #cf1124; }
.provenance_change line { stroke: #de911d; } .provenance_change text { fill: #b44d12; }
.ceiling_change line { stroke: #616e7c; } .ceiling_change text { fill: #616e7c; }
`;
