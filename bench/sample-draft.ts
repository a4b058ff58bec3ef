/**
 * The draft every per-draft figure evaluates: the outreach composer's first touch to one
 * prospect, as the gate sees it, plus a free-text expectation on the email step so that each of
 * the three levels makes its one judge call.
 */
import { templateComposer } from "../graphs/outreach/composer.js";
import type { Prospect } from "../graphs/outreach/state.js";
import type { GateInput } from "../src/types.js";

export function benchProspect(id: string): Prospect {
  return {
    id,
    name: "Ana Alvarez",
    company: "Acme Logistics",
    email: `ana+${id}@acme.example`,
    facts: { trigger: "your Series B announcement", headcount: "240" },
  };
}

/** The gate input for prospect `id` in `scope`. */
export async function benchGateInput(id: string, scope: string): Promise<GateInput> {
  const prospect = benchProspect(id);
  const composed = await templateComposer(prospect, 1);
  return {
    goal: `Book a first call with ${prospect.name} at ${prospect.company}`,
    steps: composed.steps,
    draft: { text: composed.draft.body, args: { to: prospect.email, subject: composed.draft.subject } },
    evidence: composed.evidence,
    expectations: { write_email: "mentions the prospect's company and one clear ask" },
    scope,
  };
}
