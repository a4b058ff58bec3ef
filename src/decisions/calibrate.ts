import {
  brierScore,
  levelAgreement,
  reliabilityTable,
  rollingAgreement,
  tune,
  type ReliabilityBucket,
  type TuneCandidate,
} from "../stats/calibration.js";
import type { CalibrationRecord } from "../stats/calibration.js";
import type { GateStore } from "../store/types.js";
import type { Level } from "../types.js";

/** The calibration figures of a set of decided verdicts (what `status`, `tune` and the report show). */
export interface CalibrationFigures {
  /** Decided verdicts read. */
  n: number;
  reliability: ReliabilityBucket[];
  brier: number | null;
  levels: Array<{ level: Level; n: number; agreement: number | null }>;
  rolling: ReturnType<typeof rollingAgreement>;
}

/** How the gate's numbers relate to what the humans decided, for one scope's current evidence. */
export interface ScopeCalibration extends CalibrationFigures {
  scope: string;
  /** The provenance key the figures are over (the scope's current one); null before any verdict. */
  provenanceKey: string | null;
  tune: { candidates: TuneCandidate[]; recommended: TuneCandidate | null };
}

/**
 * The reliability table, Brier score, per-level agreement (levels read as passing at
 * `passThreshold`) and rolling agreement per mode over `window`, of records newest first.
 */
export function calibrationFigures(records: readonly CalibrationRecord[], options: { window?: number; passThreshold?: number } = {}): CalibrationFigures {
  return {
    n: records.length,
    reliability: reliabilityTable(records),
    brier: brierScore(records),
    levels: levelAgreement(records, options.passThreshold ?? 0.8),
    rolling: rollingAgreement(records, options.window ?? 50),
  };
}

export interface CalibrationOptions {
  /** Newest decided verdicts read. @default 10000 */
  limit?: number;
  /** Rolling-window size per mode. @default 50 */
  window?: number;
  /** The pass threshold levels are read against, and the agreement a tune candidate needs. @default 0.8 each */
  passThreshold?: number;
  minAgreement?: number;
}

/**
 * Calibration of a scope on its current provenance key (DESIGN §5, seed 004: thresholds are living
 * parameters checked against outcomes): the reliability table, the Brier score, per-level
 * agreement, rolling agreement per mode beside the cumulative figure, and `tune`'s recounted
 * candidates. Read-only: a recommended threshold is applied by the host (a new provenance key).
 */
export async function calibrateScope(store: GateStore, scope: string, options: CalibrationOptions = {}): Promise<ScopeCalibration> {
  const state = await store.getScopeState(scope);
  const records =
    state.provenanceKey === null ? [] : await store.calibrationRecords(scope, { provenanceKey: state.provenanceKey, limit: options.limit ?? 10_000 });
  return {
    scope,
    provenanceKey: state.provenanceKey,
    ...calibrationFigures(records, options),
    tune: tune(records, { minAgreement: options.minAgreement ?? 0.8 }),
  };
}
