import type { Level, LevelFlags, TokenUsage, Violation } from "../../types.js";
import type { JudgePrompt } from "../judge/prompts.js";
import type { JudgeResult } from "../judge/run-judge.js";
import type { JudgeOutput } from "../judge/schema.js";

export { DATA_CAP } from "./run-data.js";

/**
 * Asks a level's judge one prompt over the assessment's shared run data. Per level call mode it
 * is one call of that level's own; in combined mode it joins the one call for every level.
 */
export interface JudgeAsk {
  (prompt: JudgePrompt): Promise<JudgeResult>;
  /** How the answer's prompt is recorded: the level prompt's id, or the combined call's. */
  promptIdFor(prompt: JudgePrompt): string;
}

/** How one level may use its judge for one assessment. */
export interface LevelRun {
  /** The level's judge, or null under the kill switch or when none is configured. */
  ask: JudgeAsk | null;
  /** Why `ask` is null; shown in the level's reason. */
  noJudgeReason: "kill switch on" | "no judge configured";
}

/** `promptId` and `tokens` ride along on every answer that made a call. */
interface Called {
  promptId: string;
  tokens?: TokenUsage;
}

export type JudgeAnswer =
  | ({ status: "scored"; output: JudgeOutput } & Called)
  | { status: "skipped"; note: string; violations: Violation[] }
  | ({ status: "failed"; note: string; violations: Violation[] } & Called);

/**
 * Ask the level's judge, or explain why not. A missing judge (not configured) and a failed call
 * both add a soft `judge_unavailable`; the kill switch adds nothing here (the gate reports it once).
 */
export async function askJudge(level: Level, run: LevelRun, prompt: JudgePrompt): Promise<JudgeAnswer> {
  if (!run.ask) {
    if (run.noJudgeReason === "kill switch on") return { status: "skipped", note: "kill switch on, judge skipped", violations: [] };
    return {
      status: "skipped",
      note: "no judge configured",
      violations: [{ code: "judge_unavailable", severity: "soft", level, detail: "no judge configured" }],
    };
  }
  const result = await run.ask(prompt);
  const called: Called = { promptId: run.ask.promptIdFor(prompt), ...(result.tokens && { tokens: result.tokens }) };
  if (result.ok) return { status: "scored", output: result.output, ...called };
  return {
    status: "failed",
    note: `judge unavailable (${result.problem})`,
    violations: [{ code: "judge_unavailable", severity: "soft", level, detail: result.problem }],
    ...called,
  };
}

/** The fields an answer adds to its level's result: `promptId` (null without a call) and `tokens`. */
export function callFields(answer: JudgeAnswer): { promptId: string | null; tokens?: TokenUsage } {
  if (answer.status === "skipped") return { promptId: null };
  return { promptId: answer.promptId, ...(answer.tokens && { tokens: answer.tokens }) };
}

/** Milliseconds since `started` (a `performance.now()` reading), rounded. */
export const elapsedMs = (started: number): number => Math.round(performance.now() - started);

/** `{ flags }` only when a flag is raised, so clean results stay small. */
export function flagsOf(flags: LevelFlags | undefined): { flags?: LevelFlags } {
  return flags && (flags.loop || flags.ambiguity) ? { flags } : {};
}
