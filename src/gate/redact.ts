import { collectStrings } from "../evaluation/guardrails/fold-text.js";
import { indexDraft, scrubText } from "../evaluation/judge/scrub.js";
import type { CanonicalDraft } from "../input/canonical.js";
import type { LevelResult, Violation } from "../types.js";

export interface Redactable {
  levels: LevelResult[];
  violations: Violation[];
  rationale: string;
}

/**
 * The last step before anything leaves the gate: every free-text field (level reasons, which
 * carry judge reasoning; violation details, including host guardrails'; the rationale) loses any
 * stretch of 12+ characters that the draft text or its string arguments contain (DESIGN §3.10).
 */
export function redactDraftText<T extends Redactable>(value: T, draft: CanonicalDraft): T {
  const index = indexDraft([draft.text, ...collectStrings(draft.args)]);
  const scrubViolation = (v: Violation): Violation => (v.detail === undefined ? v : { ...v, detail: scrubText(v.detail, index) });
  return {
    ...value,
    levels: value.levels.map((level) => ({ ...level, reason: scrubText(level.reason, index), violations: level.violations.map(scrubViolation) })),
    violations: value.violations.map(scrubViolation),
    rationale: scrubText(value.rationale, index),
  };
}
