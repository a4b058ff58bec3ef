import type { Draft, Evidence, Step, Violation } from "../../types.js";

/** What a guardrail sees. The draft is normalized: a bare string arrives as `{ text }`. */
export interface GuardrailContext {
  draft: Draft;
  evidence: Evidence | undefined;
  goal: string;
  steps: Step[];
}

/**
 * A deterministic check over the run: a small pure function returning the violations it found.
 * `detail` must never quote the draft (count things, name list entries by number instead).
 * Violations without a valid `level` are reported on the outcome level.
 */
export type Guardrail = (ctx: GuardrailContext) => Violation[];

/** The codes of the built-in guardrails. */
export const BUILTIN_GUARDRAIL_CODES = [
  "unresolved_placeholder",
  "spam_phrase",
  "empty_draft",
  "oversized_draft",
  "prompt_injection_marker",
] as const;
export type BuiltinGuardrailCode = (typeof BUILTIN_GUARDRAIL_CODES)[number];
