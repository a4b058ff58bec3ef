/**
 * Counting what judges are sent: a LangChain testing fake that records every request (messages,
 * and the schema a `withStructuredOutput` caller binds), and OpenAI's o200k_base tokenizer
 * (gpt-4o, gpt-4o-mini, the default judge) from js-tiktoken, with the chat format's per-message
 * overhead (3 tokens per message plus its role, 3 to prime the reply; OpenAI's published counting
 * recipe). Used only by the benchmark.
 */
import type { BaseMessage } from "@langchain/core/messages";
import { AIMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { Tiktoken } from "js-tiktoken/lite";
import o200k from "js-tiktoken/ranks/o200k_base";

export const ENCODING = "o200k_base";
const encoder = new Tiktoken(o200k);

/** One recorded request: its messages as (role, text), and a bound output schema if any. */
export interface RecordedRequest {
  messages: Array<{ role: string; text: string }>;
  schema?: unknown;
}

/** A reply valid for every judge here: the per-level schema, the combined members, openevals' score. */
const ANSWER = { reasoning: "Meets the criteria.", score: 0.9 };
const REPLY = JSON.stringify({ ...ANSWER, step: ANSWER, trajectory: ANSWER, outcome: ANSWER });

export class TokenRecordingJudge extends FakeListChatModel {
  readonly requests: RecordedRequest[] = [];
  private schema: unknown;

  constructor() {
    super({ responses: [REPLY] });
    // openevals binds its score schema here; with a real provider it is sent as a tool or response format.
    const bind = this.withStructuredOutput.bind(this);
    this.withStructuredOutput = ((...args: Parameters<typeof bind>) => {
      this.schema = args[0];
      return bind(...args);
    }) as typeof bind;
  }

  override _llmType(): string {
    return "bench-token-recorder";
  }

  override async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const text = (m: BaseMessage) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content));
    this.requests.push({ messages: messages.map((m) => ({ role: m.getType(), text: text(m) })), ...(this.schema !== undefined && { schema: this.schema }) });
    return { generations: [{ text: REPLY, message: new AIMessage(REPLY) }] };
  }
}

const OVERHEAD = -1; // a stand-in id for the chat format's fixed tokens: equal in every request

/** The request as the token sequence a provider reads (format overhead included), without the schema. */
export function requestTokens(request: RecordedRequest): number[] {
  const out: number[] = [];
  for (const m of request.messages) out.push(OVERHEAD, OVERHEAD, OVERHEAD, ...encoder.encode(m.role === "human" ? "user" : m.role), ...encoder.encode(m.text));
  out.push(OVERHEAD, OVERHEAD, OVERHEAD);
  return out;
}

/** Tokens of the bound output schema as JSON (an approximation of what a provider bills for it). */
export const schemaTokens = (request: RecordedRequest): number => (request.schema === undefined ? 0 : encoder.encode(JSON.stringify(request.schema)).length);

/** Length of the longest token prefix every sequence shares. */
export function sharedPrefix(sequences: number[][]): number {
  if (sequences.length < 2) return 0;
  const first = sequences[0] ?? [];
  let n = 0;
  while (n < first.length && sequences.every((s) => s[n] === first[n])) n++;
  return n;
}
