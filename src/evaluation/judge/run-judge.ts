import type { JudgeMessage, JudgeModel } from "./model.js";
import type { JudgePrompt } from "./prompts.js";
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

export type JudgeResult =
  | { ok: true; output: JudgeOutput; attempts: number }
  | { ok: false; problem: string; attempts: number };

const RETRY_NUDGE =
  'Your previous answer was not a valid JSON object of the required form. Reply again with only {"reasoning": string, "score": number from 0 to 1, "flags": {"loop": boolean, "ambiguity": boolean}}.';

class JudgeTimeout extends Error {
  override name = "JudgeTimeout";
}

/** The text of a chat model reply: a string, or the text blocks of a content array. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((block: unknown) => {
      if (typeof block === "string") return block;
      const text = (block as { text?: unknown } | null)?.text;
      return typeof text === "string" ? text : "";
    })
    .join("");
}

/** Transport failures by kind and status only: error messages may echo the request. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof JudgeTimeout) return `timeout after ${timeoutMs} ms`;
  const e = error as { status?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  const name = error instanceof Error ? error.name : typeof error;
  if (typeof e?.status === "number") return `${name} (HTTP ${e.status})`;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code) ? `${name} (${code})` : name;
}

const NOSTREAM_TAG = "langsmith:nostream";

async function invokeWithTimeout(model: JudgeModel, messages: JudgeMessage[], runName: string, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // Models that ignore the signal still lose the race; a late rejection is handled by the race.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new JudgeTimeout());
    }, timeoutMs);
  });
  try {
    // `langsmith:nostream` keeps the judge's tokens out of the host graph's "messages" stream, so a
    // chat UI streaming the run never shows the judge talking (tracing still records the call).
    const call = model.invoke(messages, { signal: controller.signal, runName, tags: [NOSTREAM_TAG] });
    const reply = await Promise.race([call, timeout]);
    return contentText(reply?.content);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One judge call: the answer, or why there is none. Never throws. Transport errors and timeouts
 * are final (the client has its own retry policy); an unparseable or schema-invalid answer is
 * retried once.
 */
export async function runJudge(request: JudgeRequest): Promise<JudgeResult> {
  const messages: JudgeMessage[] = [
    { role: "system", content: request.prompt.system },
    { role: "human", content: `${request.data}\n\n${request.prompt.reminder}` },
  ];
  const runName = `autonomy-gate:${request.prompt.id}`;
  let problem = "no answer";
  for (let attempt = 1; attempt <= 2; attempt++) {
    const conversation: JudgeMessage[] = attempt === 1 ? messages : [...messages, { role: "human", content: RETRY_NUDGE }];
    let text: string;
    try {
      text = await invokeWithTimeout(request.model, conversation, runName, request.timeoutMs);
    } catch (error) {
      return { ok: false, problem: describeFailure(error, request.timeoutMs), attempts: attempt };
    }
    const parsed = parseJudgeOutput(text);
    if (parsed.ok) return { ok: true, output: parsed.value, attempts: attempt };
    problem = parsed.problem;
  }
  return { ok: false, problem: `${problem}, after one retry`, attempts: 2 };
}
