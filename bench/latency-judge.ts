/**
 * The benchmark's stand-in for an LLM judge: a LangChain testing fake (so the gate, openevals and
 * agentevals all drive it as any chat model) that waits a fixed latency, counts its calls, and
 * answers a valid judge reply (`{"reasoning", "score"}`, which both the gate's schema and
 * openevals' continuous score accept).
 */
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { FakeListChatModel } from "@langchain/core/utils/testing";

/** Options of {@link LatencyJudge}. */
export interface LatencyJudgeOptions {
  /** Milliseconds each call waits before answering; 0 answers without a timer. @default 0 */
  latencyMs?: number;
  /** The score every answer carries. @default 0.9 */
  score?: number;
}

export class LatencyJudge extends FakeListChatModel {
  /** Calls answered so far. */
  calls = 0;
  private readonly latencyMs: number;
  private readonly reply: string;

  constructor(options: LatencyJudgeOptions = {}) {
    super({ responses: ["{}"] });
    this.latencyMs = options.latencyMs ?? 0;
    const score = options.score ?? 0.9;
    this.reply = JSON.stringify({ reasoning: `Meets the criteria. Thus, the score should be: ${score}.`, score });
  }

  override _llmType(): string {
    return "bench-latency-judge";
  }

  override async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    this.calls += 1;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    return { generations: [{ text: this.reply, message: new AIMessage(this.reply) }] };
  }
}
