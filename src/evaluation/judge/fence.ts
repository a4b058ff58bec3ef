/**
 * Run data goes to the judge fenced in tags and escaped, so nothing inside it can close a fence or
 * open a new one: every `<`, `>` and `&` (and the look-alike angle brackets a model might read as
 * one) becomes an entity. openevals fences without escaping, and a draft holding `</output>`
 * breaks out; here no data character can form a tag at all. Unicode tag characters (invisible
 * text a model still reads) are removed, and lone surrogates become U+FFFD, so the prompt is
 * well-formed text holding nothing the reader of the prompt cannot see.
 */
import type { Json } from "../../input/canonical-value.js";

/** The fences a judge prompt may contain, in the order they appear. */
export const FENCE_NAMES = ["goal", "steps", "expectations", "draft", "evidence"] as const;
export type FenceName = (typeof FENCE_NAMES)[number];

/** `<`, `>`, `&`, what NFKC/NFKD turn into `<`/`>` (U+226E/F, U+FE64/5, U+FF1C/E), and visual look-alikes. */
const NEEDS_ESCAPE =
  /[&<>\u226E\u226F\uFF1C\uFF1E\u2039\u203A\u3008\u3009\u27E8\u27E9\uFE64\uFE65\u02C2\u02C3\u276E\u276F\u2329\u232A\u1438\u1433\u226A\u226B\u00AB\u00BB]/g;

/** Unicode tag characters U+E0000–E007F (as UTF-16 pairs). */
const TAG_CHARACTERS = /\uDB40[\uDC00-\uDC7F]/g;
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape `text` so it cannot contain a tag, a fence close, a look-alike of one, or hidden text. */
export function escapeData(text: string): string {
  return text.replace(TAG_CHARACTERS, "").replace(LONE_SURROGATE, "\uFFFD").replace(NEEDS_ESCAPE, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    return `&#x${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;
  });
}

/**
 * Compact JSON: an array one element per line, anything else on one line. Indentation would cost
 * judge tokens on every call and tells the model nothing the brackets do not.
 */
export function compactJson(value: Json): string {
  if (!Array.isArray(value) || value.length === 0) return JSON.stringify(value);
  return `[\n${value.map((item) => JSON.stringify(item)).join(",\n")}\n]`;
}

/**
 * Turn a value of the canonical view into text: strings as they are, everything else as compact
 * JSON (the view is plain JSON, so this always succeeds), capped at `maxChars`.
 */
export function dataText(value: Json | undefined, maxChars: number): string {
  const text = typeof value === "string" ? value : value === undefined ? "(none)" : compactJson(value);
  return text.length > maxChars ? `${text.slice(0, maxChars)}\n[… ${text.length - maxChars} more characters not shown]` : text;
}

/** One fenced, escaped block. */
export function fence(name: FenceName, text: string): string {
  return `<${name}>\n${escapeData(text)}\n</${name}>`;
}
