import { parseArgs } from "node:util";
import { calibrateScope, type ScopeCalibration } from "../../decisions/calibrate.js";
import type { TuneCandidate } from "../../stats/calibration.js";
import { ratio, table } from "../format.js";
import { CliUsageError, type CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

export const tuneCommand: CliCommand = {
  name: "tune",
  summary: "Calibration of a scope (reliability table, Brier, per-level and rolling agreement) and recommended thresholds; applies nothing",
  usage: "autonomy-gate tune <scope> [--min-agreement X] [--window N] [--json] [--db URL]",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { db: { type: "string" }, json: { type: "boolean", default: false }, "min-agreement": { type: "string" }, window: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [scope] = positionals;
    if (!scope || positionals.length !== 1) throw new CliUsageError(`Expected one scope, got: ${positionals.join(" ") || "nothing"}`);
    const minAgreement = values["min-agreement"] === undefined ? 0.8 : Number(values["min-agreement"]);
    if (!(minAgreement >= 0 && minAgreement <= 1)) throw new CliUsageError(`--min-agreement must be a number in [0, 1], got ${values["min-agreement"]}`);
    const window = values.window === undefined ? 50 : Number(values.window);
    if (!(Number.isInteger(window) && window > 0)) throw new CliUsageError(`--window must be a positive whole number, got ${values.window}`);
    const calibration = await withStore(values.db, io, (store) => calibrateScope(store, scope, { minAgreement, window }));
    io.stdout(values.json ? `${JSON.stringify(calibration, null, 2)}\n` : renderCalibration(calibration));
    return 0;
  },
};

const candidateRow = (c: TuneCandidate) => [
  c.passThreshold.toFixed(2),
  c.lowConfidenceFloor.toFixed(2),
  String(c.n),
  ratio(c.agreement),
  String(c.rejectedPasses),
  ratio(c.autonomyRate),
  ratio(c.escalationRate),
];

/** The calibration report `tune` prints. */
export function renderCalibration(c: ScopeCalibration): string {
  if (c.n === 0) return `Scope ${c.scope}: no decided verdicts on the current provenance key; nothing to calibrate.\n`;
  const reliability = table(
    ["composite", "n", "approved", "approve rate"],
    c.reliability.filter((b) => b.n > 0).map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, String(b.n), String(b.approved), ratio(b.approveRate)]),
  );
  const levels = table(["level", "n", "agreement alone"], c.levels.map((l) => [l.level, String(l.n), ratio(l.agreement)]));
  const { cumulative, shadow, auto, window } = c.rolling;
  const rolling = `agreement: cumulative ${ratio(cumulative.agreement)} (n ${cumulative.n}) · latest ${window} shadow ${ratio(shadow.agreement)} (n ${shadow.n}) · latest ${window} auto ${ratio(auto.agreement)} (n ${auto.n})\n`;
  const candidates = table(["threshold", "floor", "n", "agree", "rej-pass", "autonomy", "escalate"], c.tune.candidates.map(candidateRow));
  const rec = c.tune.recommended;
  const recommendation = rec
    ? `Recommended: passThreshold ${rec.passThreshold.toFixed(2)}, escalation.lowConfidence.floor ${rec.lowConfidenceFloor.toFixed(2)} ` +
      `(agreement ${ratio(rec.agreement)}, 0 rejected passes, autonomy ${ratio(rec.autonomyRate)}).\n`
    : "No candidate has agreement at the bar with zero rejected passes: keep the current thresholds.\n";
  return (
    `Calibration of ${c.scope} on provenance ${(c.provenanceKey ?? "-").slice(0, 12)} (${c.n} decided verdicts)\n\n` +
    `Reliability (approve rate by composite):\n${reliability}\nBrier score: ${ratio(c.brier, 3)}\n\n` +
    `Per-level agreement:\n${levels}\n${rolling}\nCandidates (recounted on this history):\n${candidates}\n${recommendation}` +
    "Nothing was applied. A changed pass threshold is a new provenance key: the scope returns to shadow and re-earns on fresh evidence.\n"
  );
}
