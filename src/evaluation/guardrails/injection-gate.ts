/**
 * A word gate in front of the injection markers, so a clean text pays for a handful of set
 * lookups instead of a hundred regular-expression scans. From a marker's source it reads the
 * words a match must start with (`\b(?:ignore|disregard|…)` → `ignore`, `disregard`, …); the
 * marker runs only when the text holds a word with one of those prefixes. A marker whose start
 * cannot be read this way (structure markers, `^`, punctuation) always runs. A test checks the
 * gate never hides a match.
 */

const LETTERS = /^[a-z]+/;
const QUANTIFIER = /^[?*{]/;

/** Split `source` at `|` on nesting depth 0 (outside groups and classes). */
function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

/** The body of the group opening `source` (which starts with `(`), or null. */
function leadingGroup(source: string): string | null {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) {
      return QUANTIFIER.test(source.slice(i + 1)) ? null : source.slice(source.startsWith("(?:") ? 3 : 1, i);
    }
  }
  return null;
}

/** Word prefixes any match of `branch` starts with (it must start on a `\b`), or null when unknown. */
function branchPrefixes(branch: string, bounded = false): string[] | null {
  const atBoundary = bounded || branch.startsWith("\\b");
  const body = branch.replace(/^\\b/, "");
  if (body.startsWith("(?:")) {
    const group = leadingGroup(body);
    if (group === null) return null;
    const out: string[] = [];
    for (const alternative of topLevelBranches(group)) {
      const prefixes = branchPrefixes(alternative, atBoundary);
      if (prefixes === null) return null;
      out.push(...prefixes);
    }
    return out;
  }
  if (!atBoundary) return null;
  const word = LETTERS.exec(body)?.[0];
  if (!word) return null;
  const trimmed = QUANTIFIER.test(body.slice(word.length)) ? word.slice(0, -1) : word;
  return trimmed.length > 0 ? [trimmed] : null;
}

/** Prefixes longer than this are looked up by their first `PREFIX_CAP` letters. */
const PREFIX_CAP = 4;

/** The word prefixes one of which a match of `source` must start with, or null (always run). */
export function gateOf(source: string): string[] | null {
  const out: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const prefixes = branchPrefixes(branch);
    if (prefixes === null) return null;
    out.push(...prefixes.map((p) => p.slice(0, PREFIX_CAP)));
  }
  return [...new Set(out)];
}

/** A marker as the gate runs it: `sticky` is its pattern anchored at one position. */
export interface GatedMarker<K> {
  kind: K;
  pattern: RegExp;
  sticky: RegExp;
}

/**
 * Latin markers indexed by the word prefixes their matches start with. `match` runs the
 * ungated markers over the whole text, and each gated marker only at the starts of words that
 * begin with one of its prefixes (a sticky match there), so the cost is one pass over the
 * words plus a few anchored attempts, not one scan per marker.
 */
export class MarkerGate<K> {
  private readonly always: GatedMarker<K>[] = [];
  private readonly byPrefix = new Map<string, GatedMarker<K>[]>();

  constructor(markers: ReadonlyArray<{ kind: K; pattern: RegExp }>) {
    for (const { kind, pattern } of markers) {
      const entry = { kind, pattern, sticky: new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, "")}y`) };
      const gate = gateOf(pattern.source);
      if (gate === null) this.always.push(entry);
      else for (const prefix of gate) this.byPrefix.set(prefix, [...(this.byPrefix.get(prefix) ?? []), entry]);
    }
  }

  /** Add to `kinds` the kind of every marker that matches `text`. */
  match(text: string, kinds: Set<K>): void {
    for (const { kind, pattern } of this.always) if (!kinds.has(kind) && pattern.test(text)) kinds.add(kind);
    const words = /[a-z0-9]+/g;
    for (let word = words.exec(text); word !== null; word = words.exec(text)) {
      const w = word[0];
      const end = Math.min(w.length, PREFIX_CAP);
      for (let k = 1; k <= end; k++) {
        const candidates = this.byPrefix.get(w.slice(0, k));
        if (candidates === undefined) continue;
        for (const { kind, sticky } of candidates) {
          if (kinds.has(kind)) continue;
          sticky.lastIndex = word.index;
          if (sticky.test(text)) kinds.add(kind);
        }
      }
    }
  }
}
