/**
 * What a user would assemble instead of the gate: openevals' `createLLMAsJudge` for the outcome
 * and agentevals' `createTrajectoryLLMAsJudge` for the trajectory, both on the same chat model.
 * Used only by the benchmark (both packages are dev dependencies).
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createTrajectoryLLMAsJudge, TRAJECTORY_ACCURACY_PROMPT } from "agentevals";
import { createLLMAsJudge } from "openevals";
import type { GateInput } from "../src/types.js";

/** A compliance-and-grounding rubric comparable to the gate's outcome judge. */
export const OUTCOME_PROMPT = `You are an expert reviewer of outbound sales emails.
Judge whether the email is compliant (no spam phrasing, no unfilled placeholders, polite, one clear ask)
and grounded in the facts it was written from.

<facts>
{inputs}
</facts>

<email>
{outputs}
</email>`;

export interface AlternativeJudges {
  /** Runs both evaluators on one draft; `concurrent` runs them with Promise.all. */
  evaluate(input: GateInput, options: { concurrent: boolean }): Promise<{ outcome: unknown; trajectory: unknown }>;
}

/** The step board as the chat trajectory agentevals expects: the goal, one message per step, the draft. */
function trajectoryMessages(input: GateInput) {
  const draftText = typeof input.draft === "string" ? input.draft : input.draft.text;
  return [
    { role: "user" as const, content: input.goal },
    ...input.steps.map((step) => ({ role: "assistant" as const, content: `${step.name}: ${JSON.stringify(step.output)}` })),
    { role: "assistant" as const, content: draftText },
  ];
}

export function createAlternativeJudges(model: BaseChatModel): AlternativeJudges {
  const outcome = createLLMAsJudge({ prompt: OUTCOME_PROMPT, judge: model, continuous: true, feedbackKey: "outcome" });
  const trajectory = createTrajectoryLLMAsJudge({ prompt: TRAJECTORY_ACCURACY_PROMPT, judge: model, continuous: true });
  return {
    async evaluate(input, { concurrent }) {
      const draftText = typeof input.draft === "string" ? input.draft : input.draft.text;
      const runOutcome = () => outcome({ inputs: input.evidence ?? {}, outputs: draftText });
      const runTrajectory = () => trajectory({ outputs: trajectoryMessages(input) });
      if (concurrent) {
        const [o, t] = await Promise.all([runOutcome(), runTrajectory()]);
        return { outcome: o, trajectory: t };
      }
      const o = await runOutcome();
      return { outcome: o, trajectory: await runTrajectory() };
    },
  };
}
