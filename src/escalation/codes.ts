/**
 * Stable escalation trigger codes (DESIGN §7). Verdicts, routing rules, escalation records and
 * dashboards match on these strings, so they never change meaning.
 */
export const ESCALATION_CODES = [
  "low_confidence",
  "repeated_failure",
  "loop",
  "ambiguity",
  "sensitive",
  // Reserved for the competence ledger (DESIGN §6): part of the vocabulary, never raised yet.
  "low_competence",
] as const;

export type EscalationCode = (typeof ESCALATION_CODES)[number];

/** One trigger that fired: its code and why, in words. The reason never quotes draft text. */
export interface EscalationTrigger {
  code: EscalationCode;
  reason: string;
}

export function isEscalationCode(value: unknown): value is EscalationCode {
  return typeof value === "string" && (ESCALATION_CODES as readonly string[]).includes(value);
}
