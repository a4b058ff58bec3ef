import type { CanonicalStep, Json } from "../../input/canonical.js";
import type { LevelResult, Violation } from "../../types.js";
import { STEP_EXPECTATIONS_PROMPT, STEP_WELLFORMED_PROMPT } from "../judge/prompts.js";
import { judgedItems, matchesScalar, planExpectations } from "./expectations.js";
import { askJudge, callFields, elapsedMs, flagsOf, type LevelRun } from "./level-run.js";

export interface StepLevelInput {
  goal: string;
  steps: CanonicalStep[];
  expectations?: Record<string, Json> | undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function mismatch(detail: string): Violation {
  return { code: "step_mismatch", severity: "hard", level: "step", detail };
}

/**
 * Step level (DESIGN §3.1). Scalar expectations are compared here with zero LLM calls; all
 * free-text expectations of all steps go to the judge in one batched call; with no expectations
 * at all, one holistic well-formedness call. The score is the share of expectations met, the
 * judge's score counting for each free-text one; if those could not be judged the level is
 * unscored while the scalar mismatches stand.
 */
export async function evaluateStepLevel(input: StepLevelInput, run: LevelRun): Promise<LevelResult> {
  const started = performance.now();
  const plan = planExpectations(input.steps, input.expectations);
  const violations: Violation[] = [];
  let scalarTotal = 0;
  let scalarMet = 0;
  let absentText = 0;

  for (const item of plan) {
    const { expectation } = item;
    if (expectation.kind === "invalid") {
      // Not an Expectation: the input breaks its type, so the verdict cannot pass.
      violations.push({ code: "invalid_input", severity: "hard", level: "step", detail: `${item.path}: not an expectation (a scalar, { equals }, { oneOf } or { text })` });
    } else if (!item.present) {
      violations.push(mismatch(`step "${item.step}" has an expectation but is not on the step board`));
      if (expectation.kind === "scalar") scalarTotal++;
      else absentText++;
    } else if (expectation.kind === "scalar") {
      scalarTotal++;
      if (matchesScalar(item.output, expectation.accepts)) scalarMet++;
      else violations.push(mismatch(`step "${item.step}" output does not match its expected value`));
    }
  }
  // The same items, in the same order, as the shared run data shows the judge.
  const judged = judgedItems(plan);

  const counted = scalarTotal + absentText + judged.length;
  const scalarNote = scalarTotal > 0 ? `${scalarMet}/${plural(scalarTotal, "scalar expectation")} met` : "";

  if (plan.length === 0) {
    const answer = await askJudge("step", run, STEP_WELLFORMED_PROMPT);
    if (answer.status !== "scored") violations.push(...answer.violations);
    return {
      level: "step",
      score: answer.status === "scored" ? answer.output.score : null,
      reason: `no expectations; well-formedness: ${answer.status === "scored" ? answer.output.reasoning : answer.note}`,
      violations,
      latencyMs: elapsedMs(started),
      ...callFields(answer),
      ...flagsOf(answer.status === "scored" ? answer.output.flags : undefined),
    };
  }

  if (judged.length === 0) {
    const note = [scalarNote, absentText > 0 ? `${plural(absentText, "free-text expectation")} on missing steps` : ""].filter(Boolean).join("; ");
    return {
      level: "step",
      score: counted > 0 ? scalarMet / counted : null,
      reason: counted > 0 ? note : "no valid expectations",
      promptId: null,
      violations,
      latencyMs: elapsedMs(started),
    };
  }

  const answer = await askJudge("step", run, STEP_EXPECTATIONS_PROMPT);
  const textNote = `free text (${plural(judged.length, "expectation")})`;
  if (answer.status !== "scored") violations.push(...answer.violations);
  return {
    level: "step",
    score: answer.status === "scored" ? (scalarMet + answer.output.score * judged.length) / counted : null,
    reason: [scalarNote, `${textNote}: ${answer.status === "scored" ? answer.output.reasoning : answer.note}`].filter(Boolean).join("; "),
    violations,
    latencyMs: elapsedMs(started),
    ...callFields(answer),
    ...flagsOf(answer.status === "scored" ? answer.output.flags : undefined),
  };
}

