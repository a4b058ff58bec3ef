import type { Violation } from "../../types.js";
import { judgedTexts } from "../../input/judged-texts.js";
import { scanInjection } from "./injection-scan.js";
import type { GuardrailContext } from "./types.js";

/**
 * `prompt_injection_marker`: instruction-like text aimed at a model in any field the judges read
 * (the composer may have been hijacked, run data may try to steer it, or the text attacks the
 * judge). Reported once per part of the input, naming marker kinds and field paths, never text.
 */
export function injectionGuardrail(ctx: GuardrailContext): Violation[] {
  return scanInjection(judgedTexts(ctx));
}
