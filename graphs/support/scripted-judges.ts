import { ScriptedJudge } from "../scripted-judge.js";

/**
 * The support demo's offline judges, one per level. The outcome judge flags ambiguity when the
 * agent had to ask what the customer meant, as a real judge reading a vague ticket would.
 */
export function supportScriptedJudges() {
  return {
    step: new ScriptedJudge(() => ({ reasoning: "Classified, looked up, drafted: each step fed the next.", score: 0.9 })),
    trajectory: new ScriptedJudge(() => ({ reasoning: "A sensible order with no loops.", score: 0.9 })),
    outcome: new ScriptedJudge((prompt) =>
      /tell me a bit more about what you need/i.test(prompt)
        ? { reasoning: "The ticket does not say what the customer wants; the reply can only ask.", score: 0.7, flags: { ambiguity: true } }
        : { reasoning: "Polite, grounded in the ticket and the account, one clear next step.", score: 0.9 },
    ),
  };
}
