/**
 * What the gate needs of a judge: a LangChain chat model, duck-typed rather than checked with
 * `instanceof`, because @langchain/core may be installed twice. `BaseChatModel` from any copy
 * (ChatOpenAI, FakeListChatModel, …) and a `RunnableBinding` around one (`model.withConfig(...)`)
 * all fit.
 */

/** A message the judge receives. */
export type JudgeMessage = {
  role: "system" | "human";
  content: string;
};

/** The structural type of a judge: any LangChain chat model. */
export interface JudgeModel {
  invoke(input: JudgeMessage[], options?: { signal?: AbortSignal; runName?: string; tags?: string[] }): Promise<{ content: unknown }>;
}

interface ModelLike {
  invoke?: unknown;
  _llmType?: unknown;
  bound?: unknown;
  model?: unknown;
  modelName?: unknown;
  temperature?: unknown;
  fields?: unknown;
  reasoning?: unknown;
  defaultOptions?: unknown;
}

const asModelLike = (value: unknown): ModelLike | null =>
  value !== null && typeof value === "object" ? (value as ModelLike) : null;

/** A chat model, or a binding around one (a compiled graph or plain function is not a judge). */
export function isJudgeModel(value: unknown): value is JudgeModel {
  const model = asModelLike(value);
  if (!model || typeof model.invoke !== "function") return false;
  if (typeof model._llmType === "function") return true;
  return isJudgeModel(model.bound);
}

/** The model id recorded in provenance: `model`, `modelName`, else the provider type. */
export function judgeModelId(value: JudgeModel): string {
  const model = asModelLike(value);
  if (!model) return "unknown";
  if (typeof model.model === "string" && model.model) return model.model;
  if (typeof model.modelName === "string" && model.modelName) return model.modelName;
  if (model.bound) return judgeModelId(model.bound as JudgeModel);
  if (typeof model._llmType === "function") {
    const type: unknown = (model._llmType as () => unknown).call(model);
    if (typeof type === "string") return type;
  }
  return "unknown";
}

/** Reasoning models reject a temperature (OpenAI's o-series and gpt-5/6 outside `-chat`). */
const REASONING_MODEL = /^(?:o\d|gpt-[56](?!-chat))/i;

/**
 * The judge at temperature `temperature`, where the model accepts one. Chat models keep the
 * temperature as a constructor field, not a call option (ChatOpenAI ignores it in `withConfig`),
 * so the host's model is never mutated: a model that can be rebuilt from its constructor fields
 * (ChatOpenAI keeps them as `fields`) is rebuilt with the new temperature; any other model with a
 * `temperature` field gets a prototype view whose own `temperature` differs. Models without the
 * field (fakes, bindings), reasoning models and `temperature: null` are returned unchanged.
 */
export function withJudgeTemperature(value: JudgeModel, temperature: number | null): JudgeModel {
  const model = asModelLike(value);
  if (temperature === null || !model || !("temperature" in model)) return value;
  if (model.temperature === temperature || model.reasoning != null) return value;
  if (REASONING_MODEL.test(judgeModelId(value))) return value;
  const Ctor = (value as object).constructor as (new (fields: unknown) => JudgeModel) | undefined;
  if (model.fields !== null && typeof model.fields === "object" && typeof Ctor === "function") {
    const rebuilt = new Ctor({ ...(model.fields as object), temperature });
    if (model.defaultOptions !== undefined) (rebuilt as ModelLike).defaultOptions = model.defaultOptions;
    return rebuilt;
  }
  return Object.create(value, {
    temperature: { value: temperature, writable: true, enumerable: true, configurable: true },
  }) as JudgeModel;
}
