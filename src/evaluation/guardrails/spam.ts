import type { Violation } from "../../types.js";
import { collectStrings, foldText } from "./fold-text.js";
import { SPAM_PHRASES } from "./spam-phrases.js";
import type { GuardrailContext } from "./types.js";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One pattern per phrase over folded text: spaces and hyphens inside a phrase match any run of
 * spaces/hyphens (or none), and the phrase must stand on word boundaries (`act now` is not
 * inside `react nowhere`).
 */
const PATTERNS: RegExp[] = SPAM_PHRASES.map((phrase) => {
  const body = foldText(phrase)
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]*");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "u");
});

/** 1-based numbers of the list entries found in `text`. */
export function findSpamPhrases(text: string): number[] {
  const folded = foldText(text);
  const hits: number[] = [];
  PATTERNS.forEach((pattern, i) => {
    if (pattern.test(folded)) hits.push(i + 1);
  });
  return hits;
}

/** `spam_phrase`: spam-trigger phrasing in the draft text or its string arguments (e.g. subject). */
export function spamGuardrail(ctx: GuardrailContext): Violation[] {
  const hits = new Set<number>();
  for (const text of [ctx.draft.text, ...collectStrings(ctx.draft.args)]) {
    for (const n of findSpamPhrases(text)) hits.add(n);
  }
  if (hits.size === 0) return [];
  const refs = [...hits].sort((a, b) => a - b).map((n) => `#${n}`);
  return [
    {
      code: "spam_phrase",
      severity: "hard",
      level: "outcome",
      detail: `${refs.length} spam-trigger phrase${refs.length === 1 ? "" : "s"} (list entries ${refs.join(", ")})`,
    },
  ];
}
