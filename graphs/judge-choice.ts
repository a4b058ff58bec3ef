import { judgeFromEnv } from "../src/cli/judge-from-env.js";
import type { GateJudges } from "../src/gate/options.js";

/** The judge the example graphs run with, and how to say which it is. */
export interface JudgeChoice {
  judge: GateJudges;
  /** One line for the log: live model (and endpoint) or scripted. */
  description: string;
}

/**
 * The live judge when OPENAI_API_KEY is set (OPENAI_BASE_URL and JUDGE_MODEL honoured), otherwise
 * the example's offline scripted judges, so the demos and the served graphs work without a key.
 */
export async function chooseJudge(
  env: Record<string, string | undefined>,
  scripted: () => GateJudges,
): Promise<JudgeChoice> {
  if (!env.OPENAI_API_KEY?.trim()) {
    return { judge: scripted(), description: "SCRIPTED responses (no OPENAI_API_KEY set) — deterministic and offline" };
  }
  const live = await judgeFromEnv(env);
  const where = live.baseUrl ? ` at ${live.baseUrl}` : "";
  return { judge: { default: live.model }, description: `LIVE model ${live.modelId}${where} from OPENAI_API_KEY` };
}
