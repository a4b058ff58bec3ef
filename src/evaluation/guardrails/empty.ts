import type { Violation } from "../../types.js";
import type { GuardrailContext } from "./types.js";

/** Whitespace and invisible characters do not make a draft. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** `empty_draft`: nothing to send. */
export function emptyGuardrail(ctx: GuardrailContext): Violation[] {
  if (ctx.draft.text.replace(INVISIBLE, "").length > 0) return [];
  return [{ code: "empty_draft", severity: "hard", level: "outcome", detail: "the draft text is empty" }];
}
