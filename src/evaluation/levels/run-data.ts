import type { CanonicalDraft, CanonicalStep, Json } from "../../input/canonical.js";
import { dataText, fence } from "../judge/fence.js";
import { judgedItems, planExpectations } from "./expectations.js";

/** Largest slice of any one run value shown to a judge; long data is cut with a note. */
export const DATA_CAP = 24_000;

export interface RunDataInput {
  goal: string;
  steps: CanonicalStep[];
  draft: CanonicalDraft;
  evidence?: Json | undefined;
  expectations?: Record<string, Json> | undefined;
}

/** The draft exactly as the canonical view holds it (and the verdict id hashes it). */
export function draftBlockOf(draft: CanonicalDraft): string {
  return draft.args === undefined ? draft.text : JSON.stringify({ text: draft.text, args: draft.args });
}

/**
 * The run data every judge call of one assessment reads, fenced and escaped: the goal, the step
 * board, the free-text expectations (when there are any), the draft and the evidence. It is one
 * identical block for every level, so the level prompts share their prefix (system message and
 * data) and differ only in the task that follows; scalar expectations never reach a judge.
 */
export function judgeRunData(input: RunDataInput): string {
  const board = input.steps.map(({ name, output }, i) => ({ position: i + 1, name, output }));
  const items = judgedItems(planExpectations(input.steps, input.expectations));
  return [
    fence("goal", input.goal),
    fence("steps", dataText(board, DATA_CAP)),
    ...(items.length > 0 ? [fence("expectations", dataText(items.map((i) => ({ ...i })), DATA_CAP))] : []),
    fence("draft", dataText(draftBlockOf(input.draft), DATA_CAP)),
    fence("evidence", dataText(input.evidence, DATA_CAP)),
  ].join("\n\n");
}
