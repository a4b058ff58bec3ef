import { ChatOpenAI } from "@langchain/openai";
import { AutonomyGateError } from "../errors.js";

/** The default live judge model when JUDGE_MODEL is not set. */
export const DEFAULT_JUDGE_MODEL = "gpt-4o-mini";

/** A judge configured from the environment, with the id to show in reports. */
export interface EnvJudge {
  model: ChatOpenAI;
  modelId: string;
  baseUrl?: string;
}

/** No live judge is configured in the environment (OPENAI_API_KEY is missing or blank). */
export class MissingJudgeError extends AutonomyGateError {
  override name = "MissingJudgeError";
  readonly variable = "OPENAI_API_KEY";
  constructor() {
    super(
      `No live judge configured: set OPENAI_API_KEY (and optionally OPENAI_BASE_URL for an OpenAI-compatible endpoint, ` +
        `JUDGE_MODEL for the model, default ${DEFAULT_JUDGE_MODEL}).`,
    );
  }
}

/**
 * The live judge from the environment: OPENAI_API_KEY (required), OPENAI_BASE_URL (any
 * OpenAI-compatible endpoint) and JUDGE_MODEL (default gpt-4o-mini). Throws MissingJudgeError when
 * no key is set, so callers can say so and exit 2. The temperature is left to the gate
 * (`judgeTemperature`, default 0, skipped for reasoning models).
 */
export function judgeFromEnv(env: Record<string, string | undefined>): EnvJudge {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) throw new MissingJudgeError();
  const modelId = env.JUDGE_MODEL?.trim() || DEFAULT_JUDGE_MODEL;
  const baseUrl = env.OPENAI_BASE_URL?.trim() || undefined;
  const model = new ChatOpenAI({
    model: modelId,
    apiKey,
    ...(baseUrl && { configuration: { baseURL: baseUrl } }),
  });
  return baseUrl ? { model, modelId, baseUrl } : { model, modelId };
}
