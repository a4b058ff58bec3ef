import type { ChatOpenAI } from "@langchain/openai";
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

/** The optional peer `@langchain/openai` is not installed, so no live judge can be built. */
export class MissingOpenAIPeerError extends AutonomyGateError {
  override name = "MissingOpenAIPeerError";
  constructor() {
    super(
      "The live judge needs the optional peer dependency @langchain/openai, which is not installed. " +
        "Install it next to autonomy-gate: npm install @langchain/openai (on Node 20: npm install @langchain/openai@1.5.8).",
    );
  }
}

type OpenAIModule = { ChatOpenAI: typeof ChatOpenAI };

const importOpenAI = (): Promise<OpenAIModule> => import("@langchain/openai");

/** Loads the optional peer; a missing package becomes {@link MissingOpenAIPeerError}. */
async function loadOpenAI(load: () => Promise<OpenAIModule>): Promise<OpenAIModule> {
  try {
    return await load();
  } catch (error: unknown) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes("@langchain/openai")) {
      throw new MissingOpenAIPeerError();
    }
    throw error;
  }
}

/**
 * The live judge from the environment: OPENAI_API_KEY (required), OPENAI_BASE_URL (any
 * OpenAI-compatible endpoint) and JUDGE_MODEL (default gpt-4o-mini). Throws MissingJudgeError when
 * no key is set and MissingOpenAIPeerError when `@langchain/openai` (an optional peer) is not
 * installed, so callers can say so and exit 2. The temperature is left to the gate
 * (`judgeTemperature`, default 0, skipped for reasoning models).
 */
export async function judgeFromEnv(
  env: Record<string, string | undefined>,
  load: () => Promise<OpenAIModule> = importOpenAI,
): Promise<EnvJudge> {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) throw new MissingJudgeError();
  const modelId = env.JUDGE_MODEL?.trim() || DEFAULT_JUDGE_MODEL;
  const baseUrl = env.OPENAI_BASE_URL?.trim() || undefined;
  const { ChatOpenAI: Model } = await loadOpenAI(load);
  const model = new Model({
    model: modelId,
    apiKey,
    ...(baseUrl && { configuration: { baseURL: baseUrl } }),
  });
  return baseUrl ? { model, modelId, baseUrl } : { model, modelId };
}
