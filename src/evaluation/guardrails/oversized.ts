import type { Violation } from "../../types.js";
import type { Guardrail, GuardrailContext } from "./types.js";

/** `oversized_draft`: copy longer than `maxChars` characters (the limit is the host's option). */
export function createOversizedGuardrail(maxChars: number): Guardrail {
  return function oversizedGuardrail(ctx: GuardrailContext): Violation[] {
    const length = ctx.draft.text.length;
    if (length <= maxChars) return [];
    return [
      {
        code: "oversized_draft",
        severity: "hard",
        level: "outcome",
        detail: `the draft has ${length} characters; the limit is ${maxChars}`,
      },
    ];
  };
}
