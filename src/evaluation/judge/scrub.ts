/**
 * Draft text must never reach a verdict (DESIGN §3.10), yet judges quote. Every free-text field
 * of a verdict is scrubbed: any stretch that matches the draft over `MIN_QUOTE` or more characters
 * becomes "[…]".
 */

/** The shortest draft substring that counts as a quote. */
export const MIN_QUOTE = 12;
const MARK = "[…]";

/** Precomputed windows of the draft's texts (text and string args), for repeated scrubbing. */
export interface DraftIndex {
  has(window: string): boolean;
}

export function indexDraft(texts: string[]): DraftIndex {
  const windows = new Set<string>();
  for (const text of texts) {
    for (const variant of new Set([text, text.toLowerCase()])) {
      for (let i = 0; i + MIN_QUOTE <= variant.length; i++) windows.add(variant.slice(i, i + MIN_QUOTE));
    }
  }
  return windows;
}

function scrubOnce(text: string, draft: DraftIndex): string {
  const lower = text.toLowerCase();
  // Case-insensitive where lower-casing keeps offsets aligned; exact matching otherwise.
  const probe = lower.length === text.length ? lower : text;
  const covered = new Uint8Array(text.length);
  let any = false;
  for (let i = 0; i + MIN_QUOTE <= text.length; i++) {
    if (draft.has(text.slice(i, i + MIN_QUOTE)) || draft.has(probe.slice(i, i + MIN_QUOTE))) {
      covered.fill(1, i, i + MIN_QUOTE);
      any = true;
    }
  }
  if (!any) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) out += text[i];
    else if (i === 0 || !covered[i - 1]) out += MARK;
  }
  return out;
}

/** `text` with every draft quote of MIN_QUOTE+ characters replaced by "[…]". */
export function scrubText(text: string, draft: DraftIndex): string {
  // A replacement can join two fragments into a new match (if the draft itself holds "[…]").
  let current = text;
  for (let round = 0; round < 5; round++) {
    const next = scrubOnce(current, draft);
    if (next === current) return current;
    current = next;
  }
  return MARK; // did not settle: drop the whole field rather than risk a quote
}
