import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { LEVELS, type Level } from "../src/types.js";
import type { GoldenJudgeReply, GoldenJudgeScript } from "./golden-schema.js";

/**
 * A judge that replays a golden's scripted replies, one per call, repeating the last one once the
 * script runs out (so a lone malformed reply also fails the gate's retry). Outage replies throw,
 * as a timed-out or dropped request would. It counts its calls so goldens can assert them.
 */
export class ScriptedJudgeModel extends BaseChatModel {
  calls = 0;
  private readonly replies: GoldenJudgeReply[];

  constructor(
    private readonly label: string,
    replies: GoldenJudgeReply[],
  ) {
    super({});
    this.replies = replies;
  }

  _llmType(): string {
    return "scripted-judge";
  }

  override getName(): string {
    return `scripted-judge:${this.label}`;
  }

  async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    this.calls += 1;
    const reply = this.replies[Math.min(this.calls, this.replies.length) - 1];
    if (reply === undefined) throw new Error(`no scripted judge reply for level ${this.label}`);
    if (typeof reply === "object" && "error" in reply) throw outage(reply.error);
    const text = typeof reply === "string" ? reply : JSON.stringify(reply);
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

function outage(kind: "timeout" | "transport"): Error {
  if (kind === "timeout") {
    const error = new Error("scripted judge timed out");
    error.name = "TimeoutError";
    return error;
  }
  return Object.assign(new Error("scripted judge transport failure: connect ECONNREFUSED"), { code: "ECONNREFUSED" });
}

export type ScriptedJudges = Record<Level, ScriptedJudgeModel>;

/** One scripted judge per level; a level the golden does not script throws when called (an outage). */
export function scriptedJudges(script: GoldenJudgeScript | undefined): ScriptedJudges {
  const entries = LEVELS.map((level) => {
    const replies = script?.[level];
    const list = replies === undefined ? [] : Array.isArray(replies) ? replies : [replies];
    return [level, new ScriptedJudgeModel(level, list)] as const;
  });
  return Object.fromEntries(entries) as ScriptedJudges;
}
