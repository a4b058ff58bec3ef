import { describe, expect, it } from "vitest";
import { INJECTION_MARKERS } from "../src/evaluation/guardrails/injection-markers.js";
import { findInjectionKinds } from "../src/evaluation/guardrails/injection-scan.js";
import { FAMILY_CASES, STRUCTURE_CASES } from "./fixtures/injection-languages.js";

const FAMILIES = ["override", "role-switch", "evaluator-addressed", "output-forcing", "secret-extraction", "rubric-refusal"];
const LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "ru", "zh", "ja", "ko"];

describe("injection marker families", () => {
  it("cover every family in every required language", () => {
    for (const lang of LANGUAGES) {
      const kinds = new Set(INJECTION_MARKERS.filter((m) => m.lang === lang).map((m) => m.kind));
      expect([...kinds].sort(), lang).toEqual(expect.arrayContaining(FAMILIES));
    }
  });

  const cases = Object.entries(FAMILY_CASES).flatMap(([lang, list]) => list.map(([family, payload, nearMiss]) => ({ lang, family, payload, nearMiss })));

  it.each(cases)("$lang $family: the payload fires as $family", ({ family, payload }) => {
    expect([...findInjectionKinds(payload)]).toContain(family);
  });

  it.each(cases)("$lang $family: the near miss does not fire: $nearMiss", ({ nearMiss }) => {
    expect([...findInjectionKinds(nearMiss)]).toEqual([]);
  });

  it("has a case for every family in every language", () => {
    for (const lang of LANGUAGES) expect(FAMILY_CASES[lang]?.map(([family]) => family).sort(), lang).toEqual([...FAMILIES].sort());
  });
});

describe("structure-aware markers", () => {
  it.each(STRUCTURE_CASES.map(([name, payload, nearMiss]) => ({ name, payload, nearMiss })))("$name fires, its near miss does not", ({ payload, nearMiss }) => {
    expect(findInjectionKinds(payload).size).toBeGreaterThan(0);
    expect([...findInjectionKinds(nearMiss)]).toEqual([]);
  });
});
