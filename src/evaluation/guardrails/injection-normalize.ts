/**
 * Normalization before injection matching (DESIGN §3.12): invisible characters removed (hidden
 * tag-character text reported), NFKC, case folded, whitespace collapsed, and a second "latin"
 * view with accents stripped, Latin/Cyrillic/Greek look-alikes and digit-for-letter spellings
 * folded, and letter-by-letter spellings ("i-g-n-o-r-e") joined. Latin-script markers match the
 * latin view; Cyrillic and CJK markers match the plain view (folding would wreck Russian words).
 * Every step is one linear pass over the text.
 */
import { CONFUSABLES } from "./injection-confusables.js";

/** The views of one text that markers are matched against. */
export interface NormalizedText {
  /** NFKC, lower case, invisible characters gone, whitespace runs collapsed (newlines kept). */
  plain: string;
  /** `plain` with accents stripped, look-alikes folded to Latin and spelled-out words joined. */
  latin: string;
}

/** Printable tag characters (U+E0020–E007E) as UTF-16: they mirror ASCII and render as nothing. */
const TAG_PRINTABLE = /\uDB40[\uDC20-\uDC7E]/g;
/** Every tag character, U+E0000–E007F. */
const TAG_ANY = /\uDB40[\uDC00-\uDC7F]/g;
/** An emoji subdivision flag (🏴 + tag letters + cancel tag), the one honest use of tag characters. */
const FLAG_SEQUENCE = /\uD83C\uDFF4(?:\uDB40[\uDC30-\uDC39\uDC61-\uDC7A]){2,7}\uDB40\uDC7F/g;
/**
 * Zero-width and joiner characters, bidi controls, variation selectors, soft hyphen, the
 * Mongolian vowel separator, invisible operators, the combining grapheme joiner, lone surrogates.
 */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDD00-\uDDEF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** How much hidden tag-character text counts as text rather than a stray character. */
const HIDDEN_TEXT_MIN = 2;

export interface HiddenText {
  /** Text with tag characters and other invisibles removed (NOT yet folded). */
  visible: string;
  /** The ASCII text the tag characters spell, when they spell any. */
  hidden: string | null;
}

/** Remove invisible characters; recover what tag characters spell (subdivision flags excepted). */
export function stripInvisible(text: string): HiddenText {
  const withoutFlags = text.includes("\uDB40") ? text.replace(FLAG_SEQUENCE, "\uD83C\uDFF4") : text;
  let hidden: string | null = null;
  if (withoutFlags.includes("\uDB40")) {
    const spelled = (withoutFlags.match(TAG_PRINTABLE) ?? []).map((pair) => String.fromCharCode((pair.codePointAt(0) ?? 0) - 0xe0000));
    if (spelled.length >= HIDDEN_TEXT_MIN) hidden = spelled.join("");
  }
  const visible = withoutFlags.replace(TAG_ANY, "").replace(INVISIBLE, "");
  return { visible, hidden };
}

const COMBINING_LATIN = /[\u0300-\u036F]/g;
const NON_ASCII = /[^\u0000-\u007F]/g;
const HAS_NON_ASCII = /[^\u0000-\u007F]/;
/** Tokens that may mix letters with digits or `@`/`$` spelled for letters (`1gn0re`, `@dmin`). */
const LEET_TOKEN = /[a-z0-9@$]{3,}/g;
const HAS_LEET = /[a-z][0-9@$]|[0-9@$][a-z]/;
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s" };
/**
 * Three or more single letters joined by the same separator: `i-g-n-o-r-e`, `i.g.n.o.r.e`,
 * `i g n o r e`, `i - g - n`. The run is joined into one word.
 */
const SPELLED = /(?<![a-z0-9])[a-z]([-_.*~+|/\\ ]| [-_.*~+|/\\] )[a-z](?:\1[a-z])+(?![a-z0-9])/g;
/** Cheap pre-check for SPELLED: a single letter followed by a separator and another single letter. */
const HAS_SPELLED = /(?:^|[^a-z0-9])[a-z] ?[-_.*~+|/\\ ] ?[a-z](?:[^a-z0-9]|$)/;

/** After NFKC nearly every space character is U+0020; runs and the few others become one space. */
const SPACE_RUN = /[^\S\n]{2,}|[\t\r\v\f\u1680\u2028\u2029\u0085]/g;
function collapseSpaces(text: string): string {
  const spaced = text.replace(SPACE_RUN, " ");
  return spaced.includes("\n") ? spaced.replace(/ ?\n\s*/g, "\n") : spaced;
}

/** Normalize one (already visible) text into its matching views. */
export function normalizeForMatching(visible: string): NormalizedText {
  const lowered = visible.normalize("NFKC").toLowerCase();
  let latin = lowered;
  if (HAS_NON_ASCII.test(latin)) {
    latin = latin
      .normalize("NFD")
      .replace(COMBINING_LATIN, "")
      .normalize("NFC")
      .replace(NON_ASCII, (ch) => CONFUSABLES[ch] ?? ch);
  }
  if (HAS_LEET.test(latin)) {
    latin = latin.replace(LEET_TOKEN, (token) => (/[a-z]/.test(token) && /[0-9@$]/.test(token) ? token.replace(/[0-9@$]/g, (ch) => LEET[ch] ?? ch) : token));
  }
  // Spelled-out runs are joined before spaces collapse: "d i s  a l l" keeps its word gap.
  latin = latin.replace(/_/g, " ");
  if (HAS_SPELLED.test(latin)) latin = latin.replace(SPELLED, (run, sep: string) => run.split(sep).join(""));
  return { plain: collapseSpaces(lowered), latin: collapseSpaces(latin) };
}
