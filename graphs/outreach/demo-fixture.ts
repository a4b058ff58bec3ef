import { readFileSync } from "node:fs";
import type { DecisionType } from "../../src/types.js";
import type { Prospect } from "./state.js";

/** A prospect plus the decision the scripted reviewer takes if the draft reaches them. */
export interface ScriptedProspect extends Prospect {
  review: DecisionType;
}

export interface DemoPhase {
  name: string;
  mode: "shadow" | "auto";
  prospects: ScriptedProspect[];
}

/** Loads the scripted reviewer's fixture (graphs/fixtures/outreach-reviewer.json). */
export function loadReviewerFixture(): DemoPhase[] {
  const url = new URL("../fixtures/outreach-reviewer.json", import.meta.url);
  const doc = JSON.parse(readFileSync(url, "utf8")) as { phases: DemoPhase[] };
  return doc.phases;
}

/** The resume value the scripted reviewer sends for a decision (an edit rewrites the pitch). */
export function reviewerResume(review: DecisionType, args: Record<string, unknown>) {
  if (review === "edit") {
    const body = String(args.body ?? "")
      .replace(/\{\{first_name\}\}/g, "there")
      .replace(/Act now:.*$/m, "Happy to share how similar teams cut their approval queue.");
    return { decisions: [{ type: "edit", editedAction: { name: "send_email", args: { ...args, body } } }] };
  }
  if (review === "reject") return { decisions: [{ type: "reject", message: "Not send-worthy." }] };
  return { decisions: [{ type: review }] };
}
