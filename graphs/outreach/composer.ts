import type { Step } from "../../src/types.js";
import type { EmailDraft, Prospect } from "./state.js";

/** What composing a touch produces: the held draft, the steps that led to it, and the evidence used. */
export interface ComposedTouch {
  draft: EmailDraft;
  steps: Step[];
  evidence: Record<string, unknown>;
}

/** Writes a touch for a prospect. The demo's composer is a template; a host plugs in its LLM composer. */
export type Composer = (prospect: Prospect, touch: number) => Promise<ComposedTouch> | ComposedTouch;

/**
 * A template composer: research, angle, then the email. `prospect.facts.style` lets a fixture
 * script flawed drafts (a template left unfilled, spammy copy, a stale fact) the way a real
 * composer sometimes produces them.
 */
export const templateComposer: Composer = (prospect, touch) => {
  const style = prospect.facts.style ?? "clean";
  const trigger = style === "stale" ? (prospect.facts.staleTrigger ?? "your recent news") : prospect.facts.trigger;
  const greeting = style === "placeholder" ? "Hi {{first_name}}," : `Hi ${prospect.name.split(" ")[0]},`;
  const pitch =
    style === "spammy"
      ? "Act now: this is a risk-free, 100% free offer and you are guaranteed to double your pipeline!"
      : `Teams like ${prospect.company} use us to cut approval queues for agent workflows.`;
  const body = [
    greeting,
    "",
    `I saw ${trigger ?? "your team's work"} and thought of you.`,
    pitch,
    "Would a 20-minute call next week be useful?",
    "",
    "Best,",
    "Sam",
  ].join("\n");
  const steps: Step[] = [
    { name: "research", output: { company: prospect.company, trigger: trigger ?? null } },
    { name: "pick_angle", output: touch === 1 ? "first_touch" : "follow_up", expected: touch === 1 ? "first_touch" : "follow_up" },
    { name: "write_email", output: { words: body.split(/\s+/).length } },
  ];
  return {
    draft: { subject: `${prospect.company} + approval queues`, body },
    steps,
    evidence: { company: prospect.company, ...withoutScriptKeys(prospect.facts) },
  };
};

function withoutScriptKeys(facts: Record<string, string>): Record<string, string> {
  const { style: _style, staleTrigger: _stale, ...rest } = facts;
  return rest;
}
