/** What an injection marker is: a pattern over one normalized view, grouped by kind and language. */

/** Marker families; a violation names the kinds it saw, never the text. */
export type InjectionKind =
  | "fence-break"
  | "structure"
  | "override"
  | "role-switch"
  | "evaluator-addressed"
  | "output-forcing"
  | "secret-extraction"
  | "rubric-refusal"
  | "hidden-text";

export interface InjectionMarker {
  kind: InjectionKind;
  /** ISO 639-1 code of the marker's language, `any` for structure markers. */
  lang: string;
  /** Which normalized view it matches: `latin` (accents and look-alikes folded) or `plain`. */
  view: "latin" | "plain";
  pattern: RegExp;
}

/** Pattern sources of one language, by family. */
export type Family = Partial<Record<InjectionKind, string[]>>;

/** Compile a language's families into markers over one view. */
export function familyMarkers(lang: string, view: InjectionMarker["view"], family: Family, flags = ""): InjectionMarker[] {
  return Object.entries(family).flatMap(([kind, sources]) =>
    (sources ?? []).map((source) => ({ kind: kind as InjectionKind, lang, view, pattern: new RegExp(source, flags) })),
  );
}

