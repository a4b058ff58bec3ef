import { describe, expect, it } from "vitest";
import { AREA_OF, LEGITIMATE, PAYLOADS, PLACEMENTS, contextWith, encodePayload } from "../bench/injection-corpus.js";
import { injectionGuardrail } from "../src/evaluation/guardrails/injection.js";

const LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "ru", "zh", "ja", "ko"];

describe("the project's injection corpus", () => {
  it("holds at least 150 payloads across the families, languages and obfuscations", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(PAYLOADS.map((p) => p.lang))).toEqual(new Set(LANGUAGES));
    const families = new Set(PAYLOADS.map((p) => p.family));
    for (const family of ["override", "role-switch", "evaluator-addressed", "output-forcing", "secret-extraction", "rubric-refusal", "structure", "fence-break"]) expect(families).toContain(family);
    const obfuscations = new Set(PAYLOADS.map((p) => p.obfuscation));
    for (const o of ["tags", "base64", "hex", "url", "hyphen", "homoglyph", "zerowidth", "fullwidth"]) expect(obfuscations).toContain(o);
  });

  it("holds at least 60 legitimate messages that use the trigger words honestly", () => {
    expect(LEGITIMATE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PLACEMENTS.map((p) => [p]))("has at least 97%% of payloads flagged in the %s", (placement) => {
    const flagged = PAYLOADS.filter((p) =>
      injectionGuardrail(contextWith(encodePayload(p.text, p.obfuscation), placement)).some((v) => v.severity === "hard" && v.detail?.startsWith(`prompt-injection markers in the ${AREA_OF[placement]} `)),
    );
    expect(flagged.length / PAYLOADS.length).toBeGreaterThanOrEqual(0.97);
  });

  it("raises at most one false hard violation across the legitimate set, wherever it is placed", () => {
    const falseHard = PLACEMENTS.flatMap((placement) => LEGITIMATE.filter((m) => injectionGuardrail(contextWith(m.text, placement)).length > 0).map((m) => `${placement}: ${m.text}`));
    expect(falseHard.length, falseHard.join("\n")).toBeLessThanOrEqual(1);
  });
});
