import { hashValue, sha256 } from "../hash.js";
import type { Draft, Evidence, Expectation, Step } from "../types.js";

/** A GateInput after defensive reading: always well-typed, with what was wrong listed. */
export interface ReadInput {
  goal: string;
  steps: Step[];
  draft: Draft;
  evidence: Evidence | undefined;
  expectations: Record<string, Expectation> | undefined;
  scope: string | undefined;
  /** Shape problems (reported as `gate_error`: the host sent something the types forbid). */
  problems: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** `string | { text, args? }` → `{ text, args? }`; `args` is kept only when it is an object. */
export function normalizeDraft(draft: unknown): Draft | null {
  if (typeof draft === "string") return { text: draft };
  if (isRecord(draft) && typeof draft.text === "string") {
    return isRecord(draft.args) ? { text: draft.text, args: draft.args } : { text: draft.text };
  }
  return null;
}

/** sha256 of the canonical JSON of the normalized draft (of its text when args cannot be serialized). */
export function draftHashOf(draft: Draft): string {
  try {
    return hashValue(draft);
  } catch {
    return sha256(draft.text);
  }
}

/**
 * Read a GateInput without trusting its types (it may come from untyped JS or a graph state).
 * Never throws: a missing draft reads as empty (so `empty_draft` vetoes it), bad parts as absent.
 */
export function readInput(input: unknown): ReadInput {
  const problems: string[] = [];
  const raw = isRecord(input) ? input : {};
  if (!isRecord(input)) problems.push("input is not an object");

  const draft = normalizeDraft(raw.draft);
  if (!draft) problems.push("draft is neither a string nor { text, args? }");

  if (raw.goal !== undefined && typeof raw.goal !== "string") problems.push("goal is not a string");
  const steps: Step[] = [];
  if (Array.isArray(raw.steps)) {
    raw.steps.forEach((step: unknown, i) => {
      if (isRecord(step) && typeof step.name === "string") steps.push(step as unknown as Step);
      else problems.push(`steps[${i}] is not { name, output }`);
    });
  } else if (raw.steps !== undefined) problems.push("steps is not an array");

  if (raw.expectations !== undefined && !isRecord(raw.expectations)) problems.push("expectations is not an object");
  if (raw.scope !== undefined && (typeof raw.scope !== "string" || raw.scope === "")) problems.push("scope is not a non-empty string");

  return {
    goal: typeof raw.goal === "string" ? raw.goal : "",
    steps,
    draft: draft ?? { text: "" },
    evidence: raw.evidence as Evidence | undefined,
    expectations: isRecord(raw.expectations) ? (raw.expectations as Record<string, Expectation>) : undefined,
    scope: typeof raw.scope === "string" && raw.scope !== "" ? raw.scope : undefined,
    problems,
  };
}
