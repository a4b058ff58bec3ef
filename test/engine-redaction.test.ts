import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGate } from "../src/gate/create-gate.js";
import type { Draft, Verdict } from "../src/types.js";
import { RecordingJudge, cleanInput } from "./helpers/engine-fakes.js";

const WORDS = "hi dana sam acme robotics austin warehouse picking bottleneck congratulations call next week tuesday thanks best regards team pipeline demo pricing quick question about your new site would love to chat".split(" ");

const wordDraft = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 80 }).map((words) => words.join(" "));
const draftText = fc.oneof(wordDraft, fc.string({ minLength: 12, maxLength: 300 }), fc.string({ unit: "grapheme", minLength: 12, maxLength: 120 }));
const draftArb: fc.Arbitrary<Draft> = fc.record({ text: draftText, args: fc.option(fc.record({ subject: wordDraft }), { nil: undefined }) }).map(({ text, args }) => (args ? { text, args } : { text }));

/** Every string in the verdict except its draft hash and id. */
function verdictStrings(verdict: Verdict): string[] {
  const { draftHash: _hash, id: _id, ...rest } = verdict;
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(rest);
  return out;
}

/** A judge that quotes the draft back, as real judges do. */
const quotingJudge = (text: string) =>
  new RecordingJudge([JSON.stringify({ reasoning: `The draft reads "${text}". In short: ${text.slice(3, 60)}; overall fine.`, score: 0.9 })]);

/** A careless host guardrail that puts draft text in its detail. */
const leakyGuardrail = ({ draft }: { draft: Draft }) => [{ code: "host_note", severity: "soft" as const, level: "outcome" as const, detail: `saw: ${draft.text}` }];

describe("no draft text in a verdict", () => {
  it("no verdict field outside the draft hash and id holds a draft substring of 12+ characters", async () => {
    await fc.assert(
      fc.asyncProperty(draftArb, async (draft) => {
        const gate = createGate({ judge: quotingJudge(draft.text), guardrails: { custom: [leakyGuardrail] } });
        const verdict = await gate.evaluate(cleanInput({ draft }), { threadId: "t" });
        const sources = [draft.text, ...(draft.args ? [String(draft.args.subject)] : [])];
        const strings = verdictStrings(verdict);
        for (const source of sources) {
          for (let i = 0; i + 12 <= source.length; i++) {
            const window = source.slice(i, i + 12);
            const leak = strings.find((s) => s.includes(window));
            if (leak !== undefined) throw new Error(`draft window ${JSON.stringify(window)} leaked into ${JSON.stringify(leak)}`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("scrubs a quoting judge's reasoning rather than dropping the level", async () => {
    const text = "Congratulations on the new Austin warehouse, Dana.";
    const verdict = await createGate({ judge: quotingJudge(text), levels: ["outcome"] }).evaluate(cleanInput({ draft: text }));
    expect(verdict.levels[0]?.score).toBe(0.9);
    expect(verdict.levels[0]?.reason).toBe('guardrails clean; The draft reads "[…]". In short: […]; overall fine.');
  });
});
