/**
 * The injection tripwire as a pure function over the text fields the judges see (DESIGN §3.12).
 * Each field is stripped of invisible characters (tag-character text is itself a finding),
 * decoded where it hides base64/hex/URL runs, normalized into its matching views and run
 * against every marker. Findings are reported once per part of the input (draft, evidence,
 * steps, goal), naming the marker kinds and the field paths, never the text.
 */
import type { Violation } from "../../types.js";
import { decodeHiddenRuns } from "./injection-decode.js";
import { MarkerGate } from "./injection-gate.js";
import { SCRIPT_OF } from "./injection-markers-asian.js";
import { INJECTION_MARKERS, type InjectionKind } from "./injection-markers.js";
import { normalizeForMatching, stripInvisible } from "./injection-normalize.js";

/** One text the judges read, with where it sits in the input (`draft.args.subject`, `steps[3].output`). */
export interface ScannedField {
  path: string;
  text: string;
}

const LATIN = new MarkerGate<InjectionKind>(INJECTION_MARKERS.filter((m) => m.view === "latin"));
const PLAIN_BY_LANG = new Map<string, RegExp[]>();
for (const m of INJECTION_MARKERS) {
  if (m.view !== "plain") continue;
  PLAIN_BY_LANG.set(m.lang, [...(PLAIN_BY_LANG.get(m.lang) ?? []), m.pattern]);
}
const PLAIN_KINDS = new Map(INJECTION_MARKERS.filter((m) => m.view === "plain").map((m) => [m.pattern, m.kind]));

/** At most this many field paths are named in one violation. */
const MAX_PATHS_SHOWN = 5;

function matchViews(text: string, kinds: Set<InjectionKind>): void {
  const { plain, latin } = normalizeForMatching(text);
  LATIN.match(latin, kinds);
  for (const [lang, patterns] of PLAIN_BY_LANG) {
    const script = SCRIPT_OF[lang];
    if (script && !script.test(plain)) continue;
    for (const pattern of patterns) {
      const kind = PLAIN_KINDS.get(pattern) as InjectionKind;
      if (!kinds.has(kind) && pattern.test(plain)) kinds.add(kind);
    }
  }
}

/** The kinds of injection marker found in one text (empty when clean). */
export function findInjectionKinds(text: string): Set<InjectionKind> {
  const kinds = new Set<InjectionKind>();
  const { visible, hidden } = stripInvisible(text);
  matchViews(visible, kinds);
  if (hidden !== null) {
    kinds.add("hidden-text");
    matchViews(hidden, kinds);
  }
  for (const decoded of decodeHiddenRuns(visible)) {
    matchViews(decoded, kinds);
    for (const again of decodeHiddenRuns(decoded)) matchViews(again, kinds);
  }
  return kinds;
}

const SAFE_SEGMENT = /^[A-Za-z_$][\w$-]{0,39}$/;

/** A path fit to print: key segments that are odd, long or themselves flagged print as `*`. */
export function displayPath(path: string): string {
  return path
    .replace(/\[(?!\d+\])[^\]]*\]/g, "[*]")
    .split(".")
    .map((segment) => {
      const name = segment.replace(/(?:\[(?:\d+|\*)\])+$/, "");
      const index = segment.slice(name.length);
      if (name === "") return segment;
      return (SAFE_SEGMENT.test(name) && findInjectionKinds(name).size === 0 ? name : "*") + index;
    })
    .join(".");
}

const AREA_NAMES: Readonly<Record<string, string>> = { draft: "the draft", evidence: "the evidence", steps: "the steps", goal: "the goal", expectations: "the expectations" };

function areaOf(path: string): string {
  return /^[a-z]+/i.exec(path)?.[0] ?? "input";
}

/**
 * `prompt_injection_marker` over `fields`: one hard violation per part of the input that holds
 * a marker, e.g. `prompt-injection markers in the steps (kinds: override; fields: steps[3].output)`.
 */
export function scanInjection(fields: ReadonlyArray<ScannedField>): Violation[] {
  const byArea = new Map<string, { kinds: Set<InjectionKind>; paths: string[] }>();
  for (const field of fields) {
    const kinds = findInjectionKinds(field.text);
    if (kinds.size === 0) continue;
    const area = areaOf(field.path);
    const entry = byArea.get(area) ?? { kinds: new Set<InjectionKind>(), paths: [] };
    for (const kind of kinds) entry.kinds.add(kind);
    const shown = displayPath(field.path);
    if (!entry.paths.includes(shown)) entry.paths.push(shown);
    byArea.set(area, entry);
  }
  return [...byArea].map(([area, { kinds, paths }]) => {
    const listed = paths.slice(0, MAX_PATHS_SHOWN).join(", ") + (paths.length > MAX_PATHS_SHOWN ? ` and ${paths.length - MAX_PATHS_SHOWN} more` : "");
    return {
      code: "prompt_injection_marker",
      severity: "hard",
      level: "outcome",
      detail: `prompt-injection markers in ${AREA_NAMES[area] ?? `the ${area}`} (kinds: ${[...kinds].join(", ")}; fields: ${listed})`,
    };
  });
}
