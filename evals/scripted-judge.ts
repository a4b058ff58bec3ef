import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { parseJudgeOutput } from "../src/evaluation/judge/schema.js";
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

const repliesOf = (script: GoldenJudgeScript | undefined, level: Level): GoldenJudgeReply[] => {
  const replies = script?.[level];
  return replies === undefined ? [] : Array.isArray(replies) ? replies : [replies];
};

/** One scripted judge per level; a level the golden does not script throws when called (an outage). */
export function scriptedJudges(script: GoldenJudgeScript | undefined): ScriptedJudges {
  const entries = LEVELS.map((level) => [level, new ScriptedJudgeModel(level, repliesOf(script, level))] as const);
  return Object.fromEntries(entries) as ScriptedJudges;
}

/**
 * The combined-mode judge of a golden, derived from its per-level script (no second copy): call k
 * answers each level's k-th reply (the last repeating) as that level's member of one JSON object.
 * A reply the per-level parser accepts becomes its parsed object; any other raw string is kept as
 * the member, which is then invalid; an outage (or an unscripted level) leaves the member out, and
 * when every level is out the call itself fails with the first outage, as a per-level call would.
 */
export class CombinedScriptedJudgeModel extends BaseChatModel {
  calls = 0;

  constructor(private readonly script: GoldenJudgeScript | undefined) {
    super({});
  }

  _llmType(): string {
    return "scripted-judge";
  }

  override getName(): string {
    return "scripted-judge:combined";
  }

  async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    this.calls += 1;
    const answer: Record<string, unknown> = {};
    let firstOutage: "timeout" | "transport" | undefined;
    for (const level of LEVELS) {
      const list = repliesOf(this.script, level);
      const reply = list[Math.min(this.calls, list.length) - 1];
      if (reply === undefined || (typeof reply === "object" && "error" in reply)) {
        firstOutage ??= reply === undefined ? "transport" : reply.error;
      } else if (typeof reply === "string") {
        const parsed = parseJudgeOutput(reply);
        answer[level] = parsed.ok ? parsed.value : reply;
      } else {
        answer[level] = reply;
      }
    }
    if (Object.keys(answer).length === 0) throw outage(firstOutage ?? "transport");
    const text = JSON.stringify(answer);
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}
