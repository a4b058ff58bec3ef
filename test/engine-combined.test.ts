import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMBINED_PROMPT } from "../src/evaluation/judge/combined-prompt.js";
import { OUTCOME_PROMPT, STEP_EXPECTATIONS_PROMPT, TRAJECTORY_PROMPT } from "../src/evaluation/judge/prompts.js";
import { GateConfigError } from "../src/errors.js";
import { createGate } from "../src/gate/create-gate.js";
import { LEVELS, type Level } from "../src/types.js";
import { RecordingJudge, cleanInput, reply } from "./helpers/engine-fakes.js";

const part = (score: number, reasoning = "Fine.") => ({ reasoning, score });
const answer = (parts: Partial<Record<Level, unknown>>) => JSON.stringify(parts);
const withFreeText = () => cleanInput({ expectations: { compose: "a short, single-ask email" } });

describe("combined judge mode", () => {
  it("asks every level in one call: the combined system message, the shared data, each level's task", async () => {
    const judge = new RecordingJudge([answer({ step: part(1), trajectory: part(0.9), outcome: part(0.8) })]);
    const assessment = await createGate({ judge, judgeMode: "combined" }).assess(withFreeText());
    expect(judge.calls).toHaveLength(1);
    const [system, user] = judge.calls[0]?.messages ?? [];
    expect(system).toBe(COMBINED_PROMPT.system);
    for (const p of [STEP_EXPECTATIONS_PROMPT, TRAJECTORY_PROMPT, OUTCOME_PROMPT]) expect(user).toContain(p.task);
    expect(assessment.levels.map((l) => [l.level, l.score, l.promptId])).toEqual([
      ["step", 1, "combined@1/step-expectations@2"],
      ["trajectory", 0.9, "combined@1/trajectory@2"],
      ["outcome", 0.8, "combined@1/outcome-compliance@2"],
    ]);
    expect(assessment.passed).toBe(true);
  });

  it("leaves the step level out of the call when its expectations are all scalars", async () => {
    const judge = new RecordingJudge([answer({ trajectory: part(0.9), outcome: part(0.9) })]);
    const input = cleanInput({ steps: [{ name: "score_lead", output: 82, expected: 82 }] });
    const assessment = await createGate({ judge, judgeMode: "combined" }).assess(input);
    expect(judge.calls).toHaveLength(1);
    expect(judge.calls[0]?.messages[1]).not.toContain(STEP_EXPECTATIONS_PROMPT.task);
    expect(judge.calls[0]?.messages[1]).toContain('exactly the members "trajectory", "outcome"');
    expect(assessment.levels.map((l) => l.score)).toEqual([1, 0.9, 0.9]);
  });

  it("unscores every asked level on an outage or a timeout, once, with judge_unavailable each", async () => {
    for (const judge of [new RecordingJudge([new Error("ECONNRESET")]), new RecordingJudge([reply(1)], 300)]) {
      const assessment = await createGate({ judge, judgeMode: "combined", judgeTimeoutMs: 30 }).assess(withFreeText());
      expect(judge.calls).toHaveLength(1);
      expect(assessment.unscored).toEqual([...LEVELS]);
      expect(assessment.violations.filter((v) => v.code === "judge_unavailable").map((v) => v.level)).toEqual([...LEVELS]);
      expect(assessment.passed).toBe(false);
    }
  });

  // Each level's member of the first answer and of the retry: valid, missing, schema-invalid, not an object.
  const member = fc.constantFrom("valid", "missing", "invalid", "string");
  const render = (kind: string, score: number): unknown => (kind === "valid" ? part(score) : kind === "invalid" ? { reasoning: "x", score: 1.5 } : kind === "string" ? "great" : undefined);

  it("leaves a level unscored exactly when its member is missing or invalid in the answer and in the one retry", async () => {
    const kinds = fc.record({ step: member, trajectory: member, outcome: member });
    await fc.assert(
      fc.asyncProperty(kinds, kinds, async (first, second) => {
        const build = (kindOf: Record<Level, string>, score: number) => answer(Object.fromEntries(LEVELS.map((l) => [l, render(kindOf[l], score)])));
        const judge = new RecordingJudge([build(first, 0.9), build(second, 0.7)]);
        const assessment = await createGate({ judge, judgeMode: "combined" }).assess(withFreeText());
        const retried = LEVELS.some((l) => first[l] !== "valid");
        expect(judge.calls).toHaveLength(retried ? 2 : 1);
        for (const level of LEVELS) {
          const result = assessment.levels.find((l) => l.level === level);
          const expected = first[level] === "valid" ? 0.9 : second[level] === "valid" ? 0.7 : null;
          expect(result?.score).toBe(expected);
          const unavailable = result?.violations.some((v) => v.code === "judge_unavailable") ?? false;
          expect(unavailable).toBe(expected === null);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("retries naming only the parts still missing", async () => {
    const judge = new RecordingJudge([answer({ step: part(1), trajectory: part(1) }), answer({ outcome: part(0.6) })]);
    const assessment = await createGate({ judge, judgeMode: "combined" }).assess(withFreeText());
    expect(judge.calls[1]?.messages.at(-1)).toContain('valid "outcome" member');
    expect(assessment.levels.map((l) => l.score)).toEqual([1, 1, 0.6]);
  });

  it("has its own provenance key, led by the combined prompt id", () => {
    const judge = new RecordingJudge([]);
    const perLevel = createGate({ judge }).provenance;
    const combined = createGate({ judge, judgeMode: "combined" }).provenance;
    expect(combined.prompts).toEqual(["combined@1", ...perLevel.prompts]);
    expect(combined.provenanceKey).not.toBe(perLevel.provenanceKey);
  });

  it("refuses an unknown mode and different judges per level at construction, naming judgeMode", () => {
    expect(() => createGate({ judgeMode: "both" as never })).toThrow(GateConfigError);
    expect(() => createGate({ judgeMode: "both" as never })).toThrow(/`judgeMode`.*"per-level", "combined"/);
    const judge = { step: new RecordingJudge([]), default: new RecordingJudge([]) };
    expect(() => createGate({ judge, judgeMode: "combined" })).toThrow(/`judgeMode`.*step and trajectory differ/);
    expect(() => createGate({ judge, judgeMode: "combined", levels: ["trajectory", "outcome"] })).not.toThrow();
  });
});
