import type { Violation } from "../../types.js";
import { collectStrings } from "./fold-text.js";
import type { GuardrailContext } from "./types.js";

/**
 * Unresolved template placeholders: `{{first_name}}`, `{first_name}`, `[NAME]`, `<COMPANY>`,
 * `%FIRST_NAME%`, `${name}`, `*|FNAME|*`. Square and angle brackets are ordinary prose and HTML
 * too (`[1]`, `[sic]`, `<3`, `<br>`), so their content must look like a slot before it counts.
 */

/** Words that make a bracketed phrase a slot (`[Your Name]`, `<First Name>`). */
const SLOT_WORDS =
  /\b(?:name|first|last|company|organi[sz]ation|title|date|link|url|email|phone|role|position|product|city|address|recipient|prospect|contact|insert|your|firm|team|industry|website|amount|sender|signature)\b/i;
const SLOT_PREFIX = /^(?:insert|add|enter|todo|tbd|xx+)\b/i;
const UPPER_SLOT = /^[A-Z][A-Z0-9_ ]*[A-Z0-9_]$/;
const HTML_TAGS = new Set(
  "a abbr b blockquote body br code div em font h1 h2 h3 h4 h5 h6 head hr html i img li ol p pre s small span strong sub sup table tbody td th thead tr u ul".split(" "),
);

function looksLikeBracketSlot(inner: string): boolean {
  const content = inner.trim();
  if (content.length < 2 || /^[\d\s,.\-–]+$/.test(content)) return false;
  if (UPPER_SLOT.test(content) && /[A-Z].*[A-Z]/.test(content)) return true;
  if (SLOT_PREFIX.test(content)) return true;
  return content.split(/\s+/).length <= 5 && SLOT_WORDS.test(content.replace(/_/g, " "));
}

function looksLikeAngleSlot(inner: string): boolean {
  const content = inner.trim();
  if (!/^[A-Za-z][\w ]*$/.test(content)) return false; // rules out <3, </p>, <a href=...>, <x@y.z>
  if (HTML_TAGS.has(content.toLowerCase())) return false;
  if (UPPER_SLOT.test(content) && /[A-Z].*[A-Z]/.test(content)) return true;
  if (/^[a-z]+(?:_[a-z0-9]+)+$/i.test(content)) return true;
  return /\s/.test(content) && content.split(/\s+/).length <= 5 && SLOT_WORDS.test(content);
}

export interface PlaceholderStyle {
  style: string;
  pattern: RegExp;
  accept?: (inner: string) => boolean;
}

/** The placeholder syntaxes recognised, in matching order (exported for the version pin test). */
export const PLACEHOLDER_STYLES: readonly PlaceholderStyle[] = [
  { style: "{{…}}", pattern: /\{\{[^{}\n]{1,80}\}\}/g },
  { style: "{%…%}", pattern: /\{%[^%\n]{1,80}%\}/g },
  { style: "${…}", pattern: /\$\{[^{}\n]{1,60}\}/g },
  { style: "{…}", pattern: /(?<![{$])\{\s*[A-Za-z_][\w.\-]*(?: [A-Za-z_][\w.\-]*){0,3}\s*\}(?!\})/g },
  { style: "[…]", pattern: /\[([^[\]\n]{1,60})\](?!\()/g, accept: looksLikeBracketSlot },
  { style: "<…>", pattern: /<([^<>\n]{2,60})>/g, accept: looksLikeAngleSlot },
  { style: "%…%", pattern: /%[A-Z][A-Z0-9_]{1,40}%/g },
  { style: "*|…|*", pattern: /\*\|[A-Z0-9_:]{1,40}\|\*/g },
];

/** Count placeholders in `text`, by style. Overlapping styles count once (`{{x}}` is not also `{x}`). */
export function findPlaceholders(text: string): Map<string, number> {
  const found = new Map<string, number>();
  const taken: Array<[number, number]> = [];
  const normalized = text.normalize("NFKC");
  for (const { style, pattern, accept } of PLACEHOLDER_STYLES) {
    for (const match of normalized.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (accept && !accept(match[1] ?? "")) continue;
      taken.push([start, end]);
      found.set(style, (found.get(style) ?? 0) + 1);
    }
  }
  return found;
}

/** `unresolved_placeholder`: template slots left in the draft text or its string arguments. */
export function placeholderGuardrail(ctx: GuardrailContext): Violation[] {
  const counts = new Map<string, number>();
  for (const text of [ctx.draft.text, ...collectStrings(ctx.draft.args)]) {
    for (const [style, n] of findPlaceholders(text)) counts.set(style, (counts.get(style) ?? 0) + n);
  }
  if (counts.size === 0) return [];
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const styles = [...counts.keys()].join(" ");
  return [
    {
      code: "unresolved_placeholder",
      severity: "hard",
      level: "outcome",
      detail: `${total} unresolved placeholder${total === 1 ? "" : "s"} (styles: ${styles})`,
    },
  ];
}
