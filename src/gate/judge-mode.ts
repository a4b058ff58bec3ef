import { GateConfigError } from "../errors.js";
import type { JudgeModel } from "../evaluation/judge/model.js";
import type { Level } from "../types.js";

/** How the level judges are asked: a call per level, or one call for all of them. */
export const JUDGE_MODES = ["per-level", "combined"] as const;
export type JudgeMode = (typeof JUDGE_MODES)[number];

/**
 * Combined mode makes one call, so every requested level with a judge must share that judge.
 * @throws GateConfigError naming the two levels whose judges differ.
 */
export function checkOneJudge(judges: Record<Level, JudgeModel | null>, levels: readonly Level[]): void {
  const judged = levels.filter((level) => judges[level] !== null);
  const first = judged[0];
  const other = judged.find((level) => judges[level] !== judges[first ?? "step"]);
  if (first !== undefined && other !== undefined) {
    throw new GateConfigError("judgeMode", "combined", `"per-level" when the levels have different judges (${first} and ${other} differ), or one judge for every requested level`);
  }
}
