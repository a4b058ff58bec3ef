import {
  brierScore,
  levelAgreement,
  reliabilityTable,
  rollingAgreement,
  tune,
  type ReliabilityBucket,
  type TuneCandidate,
} from "../stats/calibration.js";
import type { GateStore } from "../store/types.js";
import type { Level } from "../types.js";

/** How the gate's numbers relate to what the humans decided, for one scope's current evidence. */
export interface ScopeCalibration {
  scope: string;
  /** The provenance key the figures are over (the scope's current one); null before any verdict. */
  provenanceKey: string | null;
  /** Decided verdicts read (the newest `limit`). */
  n: number;
  reliability: ReliabilityBucket[];
  brier: number | null;
  levels: Array<{ level: Level; n: number; agreement: number | null }>;
  rolling: ReturnType<typeof rollingAgreement>;
  tune: { candidates: TuneCandidate[]; recommended: TuneCandidate | null };
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
    n: records.length,
    reliability: reliabilityTable(records),
    brier: brierScore(records),
    levels: levelAgreement(records, options.passThreshold ?? 0.8),
    rolling: rollingAgreement(records, options.window ?? 50),
    tune: tune(records, { minAgreement: options.minAgreement ?? 0.8 }),
  };
}
