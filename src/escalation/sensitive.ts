import { collectStrings, foldText } from "../evaluation/guardrails/fold-text.js";
import type { Json } from "../input/canonical-value.js";
import { CATEGORY_LABELS, SENSITIVE_PHRASES, type SensitiveCategory } from "./sensitive-phrases.js";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One pattern per phrase over folded text: inside a phrase, any run of spaces or hyphens (or none)
 * matches, and the phrase must stand on word boundaries (`sue you` is not inside `pursue your`).
 */
export function phrasePattern(phrase: string): RegExp {
  const body = foldText(phrase)
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(escapeRegExp)
    .join("[\\s-]*");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "u");
}

const PATTERNS = Object.fromEntries(
  Object.entries(SENSITIVE_PHRASES).map(([category, phrases]) => [category, phrases.map(phrasePattern)]),
) as Record<SensitiveCategory, RegExp[]>;

/** Where sensitive language was found: the draft, or the task around it (goal, evidence). */
export type SensitiveSource = "draft" | "goal" | "evidence";

export interface SensitiveHit {
  category: SensitiveCategory | "custom";
  source: SensitiveSource;
}

/** The texts of one run to scan, by source. */
export type SensitiveTexts = Record<SensitiveSource, Json | undefined>;

/**
 * Finds the enabled categories (plus host `extra` phrases, as `custom`) in each source. Pure and
 * deterministic; one hit per category and source, in list order, never the matched text.
 */
export function findSensitive(
  texts: SensitiveTexts,
  categories: readonly SensitiveCategory[],
  extra: readonly RegExp[] = [],
): SensitiveHit[] {
  const hits: SensitiveHit[] = [];
  const sources = (["draft", "goal", "evidence"] as const).map((source) => ({
    source,
    folded: collectStrings(texts[source]).map((text) => foldText(text)),
  }));
  const scan = (category: SensitiveHit["category"], patterns: readonly RegExp[]) => {
    if (patterns.length === 0) return;
    for (const { source, folded } of sources) {
      if (folded.some((text) => patterns.some((p) => p.test(text)))) hits.push({ category, source });
    }
  };
  for (const category of categories) scan(category, PATTERNS[category]);
  scan("custom", extra);
  return hits;
}

/** "a legal threat in the draft and the evidence; self-harm in the goal" — categories and places only. */
export function describeSensitive(hits: readonly SensitiveHit[]): string {
  const byCategory = new Map<string, SensitiveSource[]>();
  for (const hit of hits) byCategory.set(hit.category, [...(byCategory.get(hit.category) ?? []), hit.source]);
  return [...byCategory]
    .map(([category, sources]) => {
      const label = category === "custom" ? "a host-listed sensitive phrase" : CATEGORY_LABELS[category as SensitiveCategory];
      return `${label} in the ${sources.join(" and the ")}`;
    })
    .join("; ");
}
