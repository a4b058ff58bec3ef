import type { Json } from "../../input/canonical-value.js";

/**
 * Text folding for deterministic matching: look-alike characters must not slip past a phrase
 * list, so fullwidth forms (NFKC), zero-width characters, common Cyrillic/Greek homoglyphs,
 * curly quotes, case and runs of spaces are all folded away before matching.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

const HOMOGLYPHS: Record<string, string> = {
  "\u0430": "a", "\u0435": "e", "\u043E": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
  "\u0445": "x", "\u0456": "i", "\u0458": "j", "\u0455": "s", "\u0501": "d", "\u04BB": "h",
  "\u03BF": "o", "\u03B1": "a", "\u03B5": "e", "\u03B9": "i", "\u03BD": "v", "\u03BA": "k",
  "\u03C4": "t", "\u0261": "g", "\u2018": "'", "\u2019": "'", "\u201C": '"', "\u201D": '"',
};
const NON_ASCII = /[^\u0000-\u007F]/g;

/**
 * Fold `text` for matching. Newlines survive when `keepNewlines` is set, because some markers
 * (`system:` role switches) only count at the start of a line.
 */
export function foldText(text: string, options: { keepNewlines?: boolean } = {}): string {
  const folded = text
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .toLowerCase()
    .replace(NON_ASCII, (ch) => HOMOGLYPHS[ch] ?? ch);
  return options.keepNewlines
    ? folded.replace(/[^\S\n]+/g, " ").replace(/ ?\n ?/g, "\n")
    : folded.replace(/\s+/g, " ");
}

/**
 * Every string inside a value of the canonical view (draft args, evidence), for scanning. The view
 * is acyclic and bounded in depth and size (src/input/canonical-value.ts), so no cut-off is needed:
 * whatever a judge is shown is scanned.
 */
export function collectStrings(value: Json | undefined, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) collectStrings(item, out);
  return out;
}
