import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { GateInput } from "../../src/types.js";

/** The JSON text of a judge answer. */
export function reply(score: number, reasoning = "Looks fine.", flags?: { loop?: boolean; ambiguity?: boolean }): string {
  return JSON.stringify({ reasoning, score, ...(flags && { flags }) });
}

export interface RecordedCall {
  /** Text of every message, in order. */
  messages: string[];
  start: number;
  end: number;
}

type Answer = string | Error | ((messages: string[]) => string | Error);

/**
 * A chat model fake that records every call (messages, start and end times) and answers from a
 * script: one answer per call, the last repeating; an Error answer is thrown (an outage).
 */
export class RecordingJudge extends BaseChatModel {
  readonly calls: RecordedCall[] = [];
  constructor(
    private readonly answers: Answer[],
    private readonly delayMs = 0,
  ) {
    super({});
  }

  _llmType(): string {
    return "recording-judge";
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const texts = messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content)));
    const call: RecordedCall = { messages: texts, start: performance.now(), end: Number.NaN };
    this.calls.push(call);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    call.end = performance.now();
    const scripted = this.answers[Math.min(this.calls.length, this.answers.length) - 1] ?? new Error("no answer scripted");
    const answer = typeof scripted === "function" ? scripted(texts) : scripted;
    if (answer instanceof Error) throw answer;
    return { generations: [{ text: answer, message: new AIMessage(answer) }] };
  }
}

/** One recording judge per level, each answering `score` unless given a script. */
export function levelJudges(scripts: Partial<Record<"step" | "trajectory" | "outcome", Answer[]>> = {}, delayMs = 0) {
  return {
    step: new RecordingJudge(scripts.step ?? [reply(0.9)], delayMs),
    trajectory: new RecordingJudge(scripts.trajectory ?? [reply(0.9)], delayMs),
    outcome: new RecordingJudge(scripts.outcome ?? [reply(0.9)], delayMs),
  };
}

export const totalCalls = (judges: Record<string, RecordingJudge>) => Object.values(judges).reduce((n, j) => n + j.calls.length, 0);

/** A clean outreach run: three steps, grounded draft, no expectations. */
export function cleanInput(overrides: Partial<GateInput> = {}): GateInput {
  return {
    goal: "Write a first-touch email to Dana Reyes at Acme Robotics about warehouse automation.",
    steps: [
      { name: "research", output: { company: "Acme Robotics", recentNews: "opened a second warehouse in Austin" } },
      { name: "angle", output: "expansion brings picking bottlenecks" },
      { name: "compose", output: "draft ready" },
    ],
    draft: {
      text: "Hi Dana,\n\nCongratulations on the new Austin warehouse. Teams that double their floor space often hit picking bottlenecks; we helped Brightline cut pick time by a third. Would a 20-minute call next week be useful?\n\nBest,\nSam",
      args: { to: "dana@acme.example", subject: "Austin warehouse" },
    },
    evidence: { company: "Acme Robotics", contact: "Dana Reyes", news: "Acme opened a second warehouse in Austin." },
    ...overrides,
  };
}

export const FIXED_NOW = () => new Date("2025-01-02T03:04:05.000Z");
