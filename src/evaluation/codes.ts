/**
 * Stable violation codes raised by the gate. Hosts, goldens and escalation rules match on these
 * strings, so they never change meaning.
 */
export const VIOLATION_CODES = {
  unresolvedPlaceholder: "unresolved_placeholder",
  spamPhrase: "spam_phrase",
  emptyDraft: "empty_draft",
  oversizedDraft: "oversized_draft",
  promptInjectionMarker: "prompt_injection_marker",
  stepMismatch: "step_mismatch",
  repeatedStepOutput: "repeated_step_output",
  judgeUnavailable: "judge_unavailable",
  gateError: "gate_error",
  killSwitch: "kill_switch",
  invalidInput: "invalid_input",
} as const;

/** Codes whose severity is part of the gate's contract and cannot be overridden by the host. */
export const FIXED_SEVERITY_CODES: readonly string[] = [
  VIOLATION_CODES.judgeUnavailable,
  VIOLATION_CODES.gateError,
  VIOLATION_CODES.killSwitch,
  VIOLATION_CODES.invalidInput,
];
