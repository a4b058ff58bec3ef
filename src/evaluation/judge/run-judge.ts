import type { TokenUsage } from "../../types.js";
import { callOnce, TokenTally } from "./call.js";
import type { JudgeMessage, JudgeModel } from "./model.js";
import { levelMessage, type JudgePrompt } from "./prompts.js";
import { type JudgeOutput, parseJudgeOutput } from "./schema.js";

/**
 * Why the judge is invoked as a plain chat model and its text parsed here, rather than through
 * `withStructuredOutput`: FakeListChatModel's version JSON.parses without validating, ChatOpenAI's
 * needs json_schema or tool calling that many OpenAI-compatible endpoints lack, and either way a
 * schema-invalid answer would surface as an exception. Parsing the text ourselves works the same on
 * every chat model, accepts ```json fences, and lets us retry exactly once on a bad answer.
 */

export interface JudgeRequest {
  model: JudgeModel;
  prompt: JudgePrompt;
  /** The user message: fenced, escaped run data. */
  data: string;
  /** Per-attempt timeout. */
  timeoutMs: number;
}

/** `tokens`: input and output tokens of every attempt, when the model reported usage for each. */
export type JudgeResult =
  | { ok: true; output: JudgeOutput; attempts: number; tokens?: TokenUsage }
  | { ok: false; problem: string; attempts: number; tokens?: TokenUsage };

const RETRY_NUDGE =
  'Your previous answer was not a valid JSON object of the required form. Reply again with only {"reasoning": string, "score": number from 0 to 1, "flags": {"loop": boolean, "ambiguity": boolean}}.';

/**
 * One judge call: the answer, or why there is none. Never throws. Transport errors and timeouts
 * are final (the client has its own retry policy); an unparseable or schema-invalid answer is
 * retried once.
 */
export async function runJudge(request: JudgeRequest): Promise<JudgeResult> {
  const messages: JudgeMessage[] = [
    { role: "system", content: request.prompt.system },
    { role: "human", content: levelMessage(request.data, request.prompt) },
  ];
  const runName = `autonomy-gate:${request.prompt.id}`;
  const tally = new TokenTally();
  let problem = "no answer";
  for (let attempt = 1; attempt <= 2; attempt++) {
    const conversation: JudgeMessage[] = attempt === 1 ? messages : [...messages, { role: "human", content: RETRY_NUDGE }];
    const reply = await callOnce(request.model, conversation, runName, request.timeoutMs, tally);
    if (!reply.ok) return { ok: false, problem: reply.problem, attempts: attempt, ...tally.result() };
    const parsed = parseJudgeOutput(reply.text);
    if (parsed.ok) return { ok: true, output: parsed.value, attempts: attempt, ...tally.result() };
    problem = parsed.problem;
  }
  return { ok: false, problem: `${problem}, after one retry`, attempts: 2, ...tally.result() };
}
