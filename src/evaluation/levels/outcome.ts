import type { CanonicalDraft, CanonicalStep, Json } from "../../input/canonical.js";
import type { LevelResult, Violation } from "../../types.js";
import { runGuardrails, type GuardrailSetConfig } from "../guardrails/index.js";
import { OUTCOME_PROMPT } from "../judge/prompts.js";
import { DATA_CAP, askJudge, callFields, elapsedMs, flagsOf, type LevelRun } from "./level-run.js";
import { draftBlockOf } from "./run-data.js";

export interface OutcomeLevelInput {
  goal: string;
  steps: CanonicalStep[];
  draft: CanonicalDraft;
  evidence?: Json | undefined;
  /** Scanned by the injection tripwire: the step judge reads them. */
  expectations?: Record<string, Json> | undefined;
}

/** The judge must see the whole draft: one cut short cannot pass. */
function draftShownInFull(length: number): Violation[] {
  if (length <= DATA_CAP) return [];
  return [{ code: "invalid_input", severity: "hard", level: "outcome", detail: `draft: ${length} characters as shown to the judge, more than the ${DATA_CAP} it can be shown in full` }];
}

/**
 * Outcome level (DESIGN §3.3): deterministic guardrails first, then one compliance-and-grounding
 * judge call over the draft and the evidence (the run data is the assessment's shared block). The score is the judge's; a hard guardrail
 * violation vetoes the verdict whatever that score (the gate's pass rule), and guardrail results
 * stand when the judge fails. The judge is still asked after a hard violation, so the level
 * score reports the judge's view independently of the veto.
 */
export async function evaluateOutcomeLevel(input: OutcomeLevelInput, run: LevelRun, guardrails: GuardrailSetConfig): Promise<LevelResult> {
  const started = performance.now();
  const violations = runGuardrails(
    { draft: input.draft, evidence: input.evidence, goal: input.goal, steps: input.steps, expectations: input.expectations },
    guardrails,
  );
  violations.push(...draftShownInFull(draftBlockOf(input.draft).length));
  const guardrailNote = violations.length === 0 ? "guardrails clean" : `guardrails: ${[...new Set(violations.map((v) => v.code))].join(", ")}`;
  const answer = await askJudge("outcome", run, OUTCOME_PROMPT);
  if (answer.status !== "scored") violations.push(...answer.violations);
  return {
    level: "outcome",
    score: answer.status === "scored" ? answer.output.score : null,
    reason: `${guardrailNote}; ${answer.status === "scored" ? answer.output.reasoning : answer.note}`,
    violations,
    latencyMs: elapsedMs(started),
    ...callFields(answer),
    ...flagsOf(answer.status === "scored" ? answer.output.flags : undefined),
  };
}
