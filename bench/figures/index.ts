/** Every figure, in report order, by the id `--only` takes. */
import type { Figure, FigureId } from "../figure.js";
import { alternative } from "./alternative.js";
import { canonicalCost } from "./canonical.js";
import { evalThroughput } from "./eval-throughput.js";
import { flipSim } from "./flip-sim.js";
import { gateOverhead } from "./gate-overhead.js";
import { historyScale } from "./history-scale.js";
import { injectionTripwire } from "./injection.js";
import { levelConcurrency } from "./level-concurrency.js";
import { persistenceThroughput } from "./persistence.js";
import { postgresStore } from "./postgres.js";
import { tokenCost } from "./tokens.js";

export const FIGURES: Record<FigureId, Figure> = {
  overhead: gateOverhead,
  concurrency: levelConcurrency,
  history: historyScale,
  persistence: persistenceThroughput,
  evals: evalThroughput,
  alternative,
  canonical: canonicalCost,
  injection: injectionTripwire,
  "flip-sim": flipSim,
  tokens: tokenCost,
  postgres: postgresStore,
};
