/**
 * What every figure produces: a table plus how it was measured, so the console printer and the
 * BENCHMARKS.md writer render the same result.
 */

/** Run-size knobs shared by the figures. */
export interface BenchConfig {
  /** `--quick`: fewer repetitions and smaller sizes, to finish in under a minute. */
  quick: boolean;
  /** Folder for this run's temporary databases (on the same disk for every figure). */
  tmpDir: string;
  /** Progress lines (stderr), so stdout stays the results. */
  log: (line: string) => void;
}

export interface FigureResult {
  /** Short id, used by `--only`. */
  id: FigureId;
  title: string;
  /** How it was measured: one paragraph, including what `--quick` changes. */
  method: string;
  headers: string[];
  rows: string[][];
  /** Plain statements that go under the table. */
  notes: string[];
  /** Where the gate is slower than what it is compared with, and why (also collected at the top of BENCHMARKS.md). */
  slower: string[];
  /** One line for the summary table. */
  headline: string;
}

export const FIGURE_IDS = ["overhead", "concurrency", "history", "persistence", "evals", "alternative", "canonical", "injection", "flip-sim", "tokens", "postgres"] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export type Figure = (config: BenchConfig) => Promise<FigureResult>;
