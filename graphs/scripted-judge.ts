import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";

/** What a judge answers (the gate's judge output schema). */
export interface JudgeReply {
  reasoning: string;
  score: number;
  flags?: { loop?: boolean; ambiguity?: boolean };
}

/**
 * An offline stand-in for an LLM judge: answers every prompt with a reply computed from the prompt
 * text. The demos use it when no OPENAI_API_KEY is set, so they run anywhere, deterministically.
 * It implements `_generate` only, so streaming callers (the LangGraph API server streams every
 * run) get the same answer through the base class's fallback.
 */
export class ScriptedJudge extends BaseChatModel {
  constructor(
    private readonly reply: (prompt: string) => JudgeReply,
    private readonly id = "scripted-judge",
  ) {
    super({});
  }

  override _llmType(): string {
    return this.id;
  }

  override async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const prompt = messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
    const text = JSON.stringify(this.reply(prompt));
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

/**
 * The outreach demo's judges, one per level. The outcome judge marks down spammy or unfilled copy;
 * like a real judge, it cannot know that a cited fact went stale, which is the drift the demo's
 * audit sample catches.
 */
export function outreachScriptedJudges() {
  return {
    step: new ScriptedJudge(() => ({ reasoning: "Each step produced what the next one needed.", score: 0.9 })),
    trajectory: new ScriptedJudge(() => ({ reasoning: "Research, angle, email: a sensible order with no loops.", score: 0.9 })),
    outcome: new ScriptedJudge((prompt) =>
      /risk-free|guaranteed|act now|\{\{/i.test(prompt)
        ? { reasoning: "Pushy or unfinished copy; claims not supported by the evidence.", score: 0.35 }
        : { reasoning: "Grounded in the evidence, polite, one clear ask.", score: 0.9 },
    ),
  };
}
