/**
 * The report's judge-token figures of one scope (issue 17): tokens per verdict and per UTC day over
 * the latest verdicts, as `autonomy-gate status` sums them from the levels' recorded usage.
 */
import type { ScopeStatus } from "../decisions/status.js";
import { tableHtml } from "./after-flip.js";
import { escapeXml } from "./svg-frame.js";

const whole = (n: number) => Math.round(n).toLocaleString("en-US");

export function renderTokens(s: ScopeStatus): string {
  const t = s.tokens;
  const perVerdict = t.perVerdict ? `${whole(t.perVerdict.input)} in + ${whole(t.perVerdict.output)} out per verdict` : "no verdict with token figures";
  const rows = [...t.perDay].reverse().map((d) => [d.day, String(d.verdicts), whole(d.input), whole(d.output), whole(d.input / d.verdicts)]);
  return `<h3>Judge tokens</h3>
<p class="window" data-testid="tokens-per-verdict">Over the latest ${t.window} verdicts, ${t.measured} with token figures (judges that report usage): ${escapeXml(perVerdict)}.</p>
${tableHtml("table-tokens", "Judge tokens per day (UTC), newest first", ["day", "verdicts", "input", "output", "input / verdict"], rows, "no token figures recorded")}`;
}
