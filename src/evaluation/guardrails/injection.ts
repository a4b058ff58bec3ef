import type { Violation } from "../../types.js";
import { collectStrings, foldText } from "./fold-text.js";
import { INJECTION_MARKERS, type InjectionMarker } from "./injection-markers.js";
import type { GuardrailContext } from "./types.js";

/** The kinds of injection marker found in `text` (empty when clean). */
export function findInjectionMarkers(text: string): Set<InjectionMarker["kind"]> {
  const folded = foldText(text, { keepNewlines: true });
  const kinds = new Set<InjectionMarker["kind"]>();
  for (const { kind, pattern } of INJECTION_MARKERS) if (pattern.test(folded)) kinds.add(kind);
  return kinds;
}

function scan(texts: string[], where: string): Violation[] {
  const kinds = new Set<string>();
  for (const text of texts) for (const kind of findInjectionMarkers(text)) kinds.add(kind);
  if (kinds.size === 0) return [];
  return [
    {
      code: "prompt_injection_marker",
      severity: "hard",
      level: "outcome",
      detail: `prompt-injection markers in the ${where} (kinds: ${[...kinds].join(", ")})`,
    },
  ];
}

/**
 * `prompt_injection_marker`: instruction-like text aimed at a model, in the draft (the composer
 * may have been hijacked, or the draft attacks the judge) and in the evidence (run data that tried
 * to steer the composer). Reported once per place, naming marker kinds, never the text.
 */
export function injectionGuardrail(ctx: GuardrailContext): Violation[] {
  return [
    ...scan([ctx.draft.text, ...collectStrings(ctx.draft.args)], "draft"),
    ...scan(collectStrings(ctx.evidence), "evidence"),
  ];
}
