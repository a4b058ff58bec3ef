import type { CanonicalDraft, CanonicalStep, Json } from "../../input/canonical.js";
import type { Violation } from "../../types.js";

/**
 * What a guardrail sees: the canonical view of the input (plain, bounded JSON; a bare-string draft
 * arrives as `{ text }`), exactly what the judges are shown and what the verdict id hashes.
 */
export interface GuardrailContext {
  draft: CanonicalDraft;
  evidence: Json | undefined;
  goal: string;
  steps: CanonicalStep[];
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
