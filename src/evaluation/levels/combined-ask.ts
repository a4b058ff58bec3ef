import type { Level } from "../../types.js";
import { COMBINED_PROMPT, type CombinedPart } from "../judge/combined-prompt.js";
import type { JudgeModel } from "../judge/model.js";
import type { JudgePrompt } from "../judge/prompts.js";
import { runCombinedJudge } from "../judge/run-combined.js";
import type { JudgeResult } from "../judge/run-judge.js";
import type { JudgeAsk } from "./level-run.js";

export interface CombinedAsks {
  /** The ask the level evaluator uses: it joins the one combined call. */
  askFor(level: Level): JudgeAsk;
  /** The level finished (with or without asking): once every level has asked or finished, the call goes out. */
  settle(level: Level): void;
}

/**
 * One judge call for every level of an assessment (`judgeMode: "combined"`). The level
 * evaluators run as in per-level mode and decide for themselves whether to ask (the step level
 * does not when its expectations are all scalars); each ask waits until every level has either
 * asked or finished, then one call carries all the asked parts, in report order.
 */
export function combinedAsks(levels: readonly Level[], judge: { model: JudgeModel; timeoutMs: number }, data: string): CombinedAsks {
  const asked = new Map<Level, { prompt: JudgePrompt; resolve: (r: JudgeResult) => void }>();
  const settled = new Set<Level>();
  let sent = false;

  function maybeSend(): void {
    if (sent || levels.some((level) => !asked.has(level) && !settled.has(level))) return;
    sent = true;
    if (asked.size === 0) return;
    const parts: CombinedPart[] = levels.flatMap((level) => {
      const entry = asked.get(level);
      return entry ? [{ level, prompt: entry.prompt }] : [];
    });
    const answer = (results: Map<Level, JudgeResult>) => {
      for (const [level, entry] of asked) entry.resolve(results.get(level) ?? { ok: false, problem: "no answer", attempts: 0 });
    };
    runCombinedJudge({ model: judge.model, data, parts, timeoutMs: judge.timeoutMs }).then(answer, () => answer(new Map()));
  }

  return {
    askFor(level) {
      const ask = (prompt: JudgePrompt) =>
        new Promise<JudgeResult>((resolve) => {
          if (sent || asked.has(level)) {
            resolve({ ok: false, problem: "asked after the combined call was sent", attempts: 0 });
            return;
          }
          asked.set(level, { prompt, resolve });
          maybeSend();
        });
      return Object.assign(ask, { promptIdFor: (prompt: JudgePrompt) => `${COMBINED_PROMPT.id}/${prompt.id}` });
    },
    settle(level) {
      settled.add(level);
      maybeSend();
    },
  };
}
