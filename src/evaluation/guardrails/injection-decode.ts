/**
 * Bounded decoding for the injection tripwire: base64, hex and URL-encoded (and HTML numeric
 * entity) runs long enough to hide an instruction are decoded, and the result is scanned like
 * any other text. Only decodings that come out as readable text are kept, at most
 * `MAX_DECODED_RUNS` per text and `MAX_DECODED_CHARS` in all, so the pass stays linear and an
 * adversary cannot make it expensive.
 */

/** At most this many decoded runs per text, and this many decoded characters in all. */
export const MAX_DECODED_RUNS = 16;
export const MAX_DECODED_CHARS = 16_384;
/** Only the first this-many candidate base64/hex runs of a text are tried. */
export const MAX_CANDIDATE_RUNS = 64;

/** base64 / base64url runs need 16+ characters (12+ bytes); hex runs 24+ digits (12+ bytes). */
const MIN_BASE64 = 16;
const MIN_HEX = 24;
/** Hex written as `\x41\x42…` or `0x41 0x42 …` (plain hex runs are found with the base64 runs). */
const HEX_ESCAPED = /(?:(?:\\x|0x)[0-9a-fA-F]{2}[\s:,]?){12,}/g;

const isBase64Char = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 45 || c === 95;
const isHexDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Maximal runs of base64 characters (with their `=` padding) at least MIN_BASE64 long: one pass. */
function base64Runs(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && isBase64Char(text.charCodeAt(i));
    if (inside && start < 0) start = i;
    else if (!inside && start >= 0) {
      let end = i;
      while (end < text.length && end - i < 2 && text.charCodeAt(end) === 61) end++;
      if (i - start >= MIN_BASE64) runs.push(text.slice(start, end));
      start = -1;
      if (runs.length >= MAX_CANDIDATE_RUNS) break;
    }
  }
  return runs;
}
/** Three or more %XX escapes with URL-safe characters in between. */
const URL_RUN = /(?:%[0-9a-fA-F]{2}|[A-Za-z0-9._~+!*'()-]){6,}/g;
const ENTITY = /&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));?/g;

/** Readable: valid UTF-8, mostly letters, spaces and punctuation, at least a few letters. */
function readable(text: string): boolean {
  if (text.length < 6 || text.includes("\uFFFD")) return false;
  let letters = 0;
  let bad = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) letters++;
    else if (/[\p{C}]/u.test(ch) && ch !== "\n" && ch !== "\t" && ch !== "\r") bad++;
  }
  return bad === 0 && letters >= 4 && letters >= text.length * 0.5;
}

function utf8(bytes: Buffer): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

function fromBase64(run: string): string | null {
  const core = run.replace(/=+$/, "");
  if (!/[A-Z]/.test(core) || !/[a-z]/.test(core)) return null; // words and hex are not base64
  const text = utf8(Buffer.from(core.slice(0, MAX_DECODED_CHARS), core.includes("-") || core.includes("_") ? "base64url" : "base64"));
  return readable(text) ? text : null;
}

function fromHex(run: string): string | null {
  const digits = run.replace(/\\x|0x|[\s:,]/g, "");
  if (digits.length < MIN_HEX) return null;
  if (digits.length % 2 !== 0) return null;
  const text = utf8(Buffer.from(digits.slice(0, MAX_DECODED_CHARS * 2), "hex"));
  return readable(text) ? text : null;
}

function fromUrl(run: string): string | null {
  if ((run.match(/%[0-9a-fA-F]{2}/g) ?? []).length < 3) return null;
  try {
    const text = decodeURIComponent(run.slice(0, MAX_DECODED_CHARS * 3).replace(/\+/g, " "));
    return readable(text) ? text : null;
  } catch {
    return null;
  }
}

function fromEntities(text: string): string | null {
  if (!text.includes("&#")) return null;
  let count = 0;
  const decoded = text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (!(code > 0 && code <= 0x10ffff)) return whole;
    count++;
    return String.fromCodePoint(code);
  });
  return count >= 3 ? decoded : null;
}

/** Readable texts hidden in `text` by a common encoding (empty for ordinary text). */
export function decodeHiddenRuns(text: string): string[] {
  const out: string[] = [];
  let budget = MAX_DECODED_CHARS;
  const keep = (decoded: string | null) => {
    if (decoded === null || out.length >= MAX_DECODED_RUNS || budget <= 0) return;
    const kept = decoded.slice(0, budget);
    budget -= kept.length;
    out.push(kept);
  };
  const scan = (pattern: RegExp, decode: (run: string) => string | null) => {
    for (const match of text.matchAll(pattern)) {
      if (out.length >= MAX_DECODED_RUNS || budget <= 0) return;
      keep(decode(match[0]));
    }
  };
  keep(fromEntities(text));
  if (text.includes("%")) scan(URL_RUN, fromUrl);
  if (text.includes("\\x") || text.includes("0x")) scan(HEX_ESCAPED, fromHex);
  for (const run of base64Runs(text)) {
    if (out.length >= MAX_DECODED_RUNS || budget <= 0) break;
    const core = run.replace(/=+$/, "");
    keep([...core].every((ch) => isHexDigit(ch.charCodeAt(0))) ? fromHex(core) : fromBase64(run));
  }
  return out;
}
