/**
 * Invoking a judge model: one attempt with its timeout, the reply's text and token usage, and
 * failures described by kind only (error messages may echo the request).
 */
import type { TokenUsage } from "../../types.js";
import type { JudgeMessage, JudgeModel } from "./model.js";

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
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof JudgeTimeout) return `timeout after ${timeoutMs} ms`;
  const e = error as { status?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  const name = error instanceof Error ? error.name : typeof error;
  if (typeof e?.status === "number") return `${name} (HTTP ${e.status})`;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code) ? `${name} (${code})` : name;
}

const NOSTREAM_TAG = "langsmith:nostream";

/** A reply's text, and its token usage when the model reported it. */
export interface JudgeReply {
  text: string;
  usage: TokenUsage | undefined;
}

/** `usage_metadata` of an AIMessage (LangChain's standard usage field), as whole, finite counts. */
export function usageOf(reply: unknown): TokenUsage | undefined {
  const usage = (reply as { usage_metadata?: { input_tokens?: unknown; output_tokens?: unknown } } | null)?.usage_metadata;
  const count = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined);
  const input = count(usage?.input_tokens);
  const output = count(usage?.output_tokens);
  return input === undefined || output === undefined ? undefined : { input, output };
}

/**
 * Token usage over the attempts of one judge request. Known only when every attempt reported it:
 * an attempt that failed or did not report leaves the total unknown rather than undercounted.
 */
export class TokenTally {
  private input = 0;
  private output = 0;
  private known = true;

  add(usage: TokenUsage | undefined): void {
    if (!usage) this.known = false;
    else {
      this.input += usage.input;
      this.output += usage.output;
    }
  }

  /** `{ tokens }` when known, else nothing. */
  result(): { tokens?: TokenUsage } {
    return this.known ? { tokens: { input: this.input, output: this.output } } : {};
  }
}

/**
 * One judge call: its usage goes into `tally` (unknown when the call failed), and a transport error
 * or timeout comes back as a readable problem instead of a throw.
 */
export async function callOnce(
  model: JudgeModel,
  messages: JudgeMessage[],
  runName: string,
  timeoutMs: number,
  tally: TokenTally,
): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  try {
    const reply = await invokeWithTimeout(model, messages, runName, timeoutMs);
    tally.add(reply.usage);
    return { ok: true, text: reply.text };
  } catch (error) {
    tally.add(undefined);
    return { ok: false, problem: describeFailure(error, timeoutMs) };
  }
}

export async function invokeWithTimeout(model: JudgeModel, messages: JudgeMessage[], runName: string, timeoutMs: number): Promise<JudgeReply> {
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
    return { text: contentText(reply?.content), usage: usageOf(reply) };
  } finally {
    clearTimeout(timer);
  }
}

