import { canonicalJson } from "../../hash.js";
import type { CanonicalStep } from "../../input/canonical.js";
import type { LevelFlags, LevelResult, Violation } from "../../types.js";
import { TRAJECTORY_PROMPT } from "../judge/prompts.js";
import { askJudge, callFields, elapsedMs, flagsOf, type LevelRun } from "./level-run.js";

export interface TrajectoryLevelInput {
  goal: string;
  steps: CanonicalStep[];
}

/**
 * Deterministic loop check: the same step producing the same output more than once did no new
 * work. Reported as a soft `repeated_step_output` per step name (never quoting the output).
 */
export function findRepeatedSteps(steps: readonly CanonicalStep[]): Violation[] {
  const seen = new Map<string, { name: string; count: number }>();
  for (const step of steps) {
    const key = `${step.name}\u0000${canonicalJson(step.output)}`;
    const entry = seen.get(key) ?? { name: step.name, count: 0 };
    entry.count++;
    seen.set(key, entry);
  }
  return [...seen.values()]
    .filter((entry) => entry.count > 1)
    .map((entry) => ({
      code: "repeated_step_output",
      severity: "soft" as const,
      level: "trajectory" as const,
      detail: `step "${entry.name}" produced the same output ${entry.count} times`,
    }));
}

/**
 * Trajectory level (DESIGN §3.2): one judge call over the ordered step board. `flags.loop` is the
 * judge's own flag; the deterministic repeat check reports `repeated_step_output` instead, so the
 * escalation trigger can tell the two apart (and still counts repeats under the kill switch).
 */
export async function evaluateTrajectoryLevel(input: TrajectoryLevelInput, run: LevelRun): Promise<LevelResult> {
  const started = performance.now();
  const violations = findRepeatedSteps(input.steps);
  const answer = await askJudge("trajectory", run, TRAJECTORY_PROMPT);
  const flags: LevelFlags = answer.status === "scored" ? { ...answer.output.flags } : {};
  if (answer.status !== "scored") violations.push(...answer.violations);
  return {
    level: "trajectory",
    score: answer.status === "scored" ? answer.output.score : null,
    reason: answer.status === "scored" ? answer.output.reasoning : answer.note,
    violations,
    latencyMs: elapsedMs(started),
    ...callFields(answer),
    ...flagsOf(flags),
  };
}
