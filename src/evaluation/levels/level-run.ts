import type { Level, LevelFlags, Violation } from "../../types.js";
import type { JudgeModel } from "../judge/model.js";
import type { JudgePrompt } from "../judge/prompts.js";
import { runJudge } from "../judge/run-judge.js";
import type { JudgeOutput } from "../judge/schema.js";

/** How one level may use its judge for one assessment. */
export interface LevelRun {
  /** The level's judge, or null under the kill switch or when none is configured. */
  judge: { model: JudgeModel; timeoutMs: number } | null;
  /** Why `judge` is null; shown in the level's reason. */
  noJudgeReason: "kill switch on" | "no judge configured";
}

/** Largest slice of any one run value shown to a judge; long data is cut with a note. */
export const DATA_CAP = 24_000;

export type JudgeAnswer =
  | { status: "scored"; output: JudgeOutput }
  | { status: "skipped"; note: string; violations: Violation[] }
  | { status: "failed"; note: string; violations: Violation[] };

/**
 * Ask the level's judge, or explain why not. A missing judge (not configured) and a failed call
 * both add a soft `judge_unavailable`; the kill switch adds nothing here (the gate reports it once).
 */
export async function askJudge(level: Level, run: LevelRun, prompt: JudgePrompt, data: string): Promise<JudgeAnswer> {
  if (!run.judge) {
    if (run.noJudgeReason === "kill switch on") return { status: "skipped", note: "kill switch on, judge skipped", violations: [] };
    return {
      status: "skipped",
      note: "no judge configured",
      violations: [{ code: "judge_unavailable", severity: "soft", level, detail: "no judge configured" }],
    };
  }
  const result = await runJudge({ model: run.judge.model, prompt, data, timeoutMs: run.judge.timeoutMs });
  if (result.ok) return { status: "scored", output: result.output };
  return {
    status: "failed",
    note: `judge unavailable (${result.problem})`,
    violations: [{ code: "judge_unavailable", severity: "soft", level, detail: result.problem }],
  };
}

/** Milliseconds since `started` (a `performance.now()` reading), rounded. */
export const elapsedMs = (started: number): number => Math.round(performance.now() - started);

/** `{ flags }` only when a flag is raised, so clean results stay small. */
export function flagsOf(flags: LevelFlags | undefined): { flags?: LevelFlags } {
  return flags && (flags.loop || flags.ambiguity) ? { flags } : {};
}
