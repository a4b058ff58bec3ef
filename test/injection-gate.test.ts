import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEGITIMATE, PAYLOADS, encodePayload } from "../bench/injection-corpus.js";
import { decodeHiddenRuns } from "../src/evaluation/guardrails/injection-decode.js";
import { MarkerGate, gateOf } from "../src/evaluation/guardrails/injection-gate.js";
import { INJECTION_MARKERS } from "../src/evaluation/guardrails/injection-markers.js";
import { normalizeForMatching, stripInvisible } from "../src/evaluation/guardrails/injection-normalize.js";
import { FAMILY_CASES } from "./fixtures/injection-languages.js";

const LATIN = INJECTION_MARKERS.filter((m) => m.view === "latin");
const gate = new MarkerGate(LATIN.map((m, i) => ({ kind: i, pattern: m.pattern })));

/** Indices of the markers that match, by the gate and by brute force. */
function both(latin: string) {
  const gated = new Set<number>();
  gate.match(latin, gated);
  const brute = new Set(LATIN.flatMap((m, i) => (m.pattern.test(latin) ? [i] : [])));
  return { gated: [...gated].sort((a, b) => a - b), brute: [...brute].sort((a, b) => a - b) };
}

const latinViews = (text: string) => {
  const { visible, hidden } = stripInvisible(text);
  return [visible, ...(hidden === null ? [] : [hidden]), ...decodeHiddenRuns(visible)].map((t) => normalizeForMatching(t).latin);
};

describe("the marker word gate", () => {
  it("reads the words a match must start with from a marker's source", () => {
    expect(gateOf("\\b(?:ignore[rsz]?|oublie[rsz]?)\\s+x|\\bne tiens? pas")).toEqual(["igno", "oubl", "ne"]);
    expect(gateOf("\\b(?:instructions?|rules) you")).toEqual(["inst", "rule"]);
    expect(gateOf("\\b(?:the )?grader")).toBeNull();
    expect(gateOf("<\\|[a-z]+\\|>")).toBeNull();
  });

  it("never hides a match: gated and brute-force matching agree on the whole corpus", () => {
    const texts = [
      ...PAYLOADS.map((p) => encodePayload(p.text, p.obfuscation)),
      ...LEGITIMATE.map((m) => m.text),
      ...Object.values(FAMILY_CASES).flatMap((cases) => cases.flatMap(([, payload, nearMiss]) => [payload, nearMiss])),
    ];
    for (const text of texts) for (const latin of latinViews(text)) {
      const { gated, brute } = both(latin);
      expect(gated, text).toEqual(brute);
    }
  });

  it("never hides a match in random sentences built from the markers' own words", () => {
    const vocabulary = [...new Set(LATIN.flatMap((m) => m.pattern.source.toLowerCase().match(/[a-z]{2,}/g) ?? []))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary, ":", ",", "\n", "'", "\"", "the", "you"), { maxLength: 24 }), (words) => {
        const { gated, brute } = both(normalizeForMatching(words.join(" ")).latin);
        expect(gated).toEqual(brute);
      }),
      { numRuns: 1500 },
    );
  });
});
