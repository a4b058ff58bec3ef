import { describe, expect, it } from "vitest";
import { createGate } from "../src/gate/create-gate.js";
import { decideRoute } from "../src/decisions/decide-route.js";
import type { GateInput } from "../src/types.js";
import { RecordingJudge, cleanInput, levelJudges, reply, totalCalls } from "./helpers/engine-fakes.js";

const scalarRun = (): GateInput =>
  cleanInput({
    steps: [
      { name: "score_lead", output: 82, expected: 82 },
      { name: "is_decision_maker", output: true, expected: true },
      { name: "segment", output: "mid-market", expected: "enterprise" },
      { name: "tier", output: "B", expected: { oneOf: ["A", "B"] } },
    ],
  });

describe("step level", () => {
  it("compares scalar expectations with zero LLM calls, and a mismatch names the step", async () => {
    const judges = levelJudges();
    const gate = createGate({ judge: judges, levels: ["step"] });
    const assessment = await gate.assess(scalarRun());
    expect(totalCalls(judges)).toBe(0);
    const [step] = assessment.levels;
    expect(step).toMatchObject({ level: "step", score: 0.75, promptId: null });
    expect(step?.violations).toEqual([{ code: "step_mismatch", severity: "hard", level: "step", detail: 'step "segment" output does not match its expected value' }]);
    expect(assessment.passed).toBe(false);
  });

  it("sends the free-text expectations of three steps to the judge in exactly one call", async () => {
    const judges = levelJudges({ step: [reply(1)] });
    const gate = createGate({ judge: judges, levels: ["step"] });
    const input = cleanInput({
      steps: [
        { name: "research", output: "Acme opened an Austin warehouse", expected: "mentions the prospect's company" },
        { name: "angle", output: "picking bottlenecks", expected: { text: "ties the angle to the news" } },
        { name: "compose", output: "draft", expected: "a short, single-ask email" },
      ],
    });
    const assessment = await gate.assess(input);
    expect(judges.step.calls).toHaveLength(1);
    const userMessage = judges.step.calls[0]?.messages[1] ?? "";
    for (const name of ["research", "angle", "compose"]) expect(userMessage).toContain(`"step":"${name}"`);
    expect(assessment.levels[0]).toMatchObject({ score: 1, promptId: "step-expectations@2" });
  });

  it("counts the judge's score once per free-text expectation next to the scalar ones", async () => {
    const judges = levelJudges({ step: [reply(0.5)] });
    const gate = createGate({ judge: judges, levels: ["step"] });
    const input = cleanInput({
      steps: [
        { name: "score_lead", output: 82, expected: 82 },
        { name: "segment", output: "smb", expected: "enterprise" },
        { name: "research", output: "x", expected: "mentions the prospect's company" },
        { name: "angle", output: "y", expected: "ties the angle to the news" },
      ],
    });
    expect((await gate.assess(input)).levels[0]?.score).toBe(0.5); // (1 + 0 + 0.5·2) / 4
  });

  it("makes one holistic well-formedness call when there are no expectations", async () => {
    const judges = levelJudges({ step: [reply(0.9)] });
    const assessment = await createGate({ judge: judges, levels: ["step"] }).assess(cleanInput());
    expect(judges.step.calls).toHaveLength(1);
    expect(assessment.levels[0]).toMatchObject({ score: 0.9, promptId: "step-wellformed@2" });
  });

  it("treats an expectation for a step that never ran as a mismatch", async () => {
    const gate = createGate({ judge: levelJudges(), levels: ["step"] });
    const assessment = await gate.assess(cleanInput({ expectations: { qualify: "qualified" } }));
    expect(assessment.levels[0]?.score).toBe(0);
    expect(assessment.violations.map((v) => v.detail)).toEqual(['step "qualify" has an expectation but is not on the step board']);
  });

  it("lets keyed expectations win over a step's own, numbers within 1e-9, strings case-sensitive", async () => {
    const gate = createGate({ judge: levelJudges(), levels: ["step"] });
    const input = cleanInput({
      steps: [
        { name: "ratio", output: 0.1 + 0.2, expected: 0.5 },
        { name: "label", output: "Qualified" },
      ],
      expectations: { ratio: 0.3, label: "qualified" },
    });
    const assessment = await gate.assess(input);
    expect(assessment.levels[0]?.score).toBe(0.5);
    expect(assessment.violations.map((v) => v.detail)).toEqual(['step "label" output does not match its expected value']);
  });

  it("leaves the level unscored when the free-text judge fails, with the scalar mismatch standing", async () => {
    const judges = levelJudges({ step: [new Error("down")] });
    const input = cleanInput({
      steps: [
        { name: "segment", output: "smb", expected: "enterprise" },
        { name: "research", output: "x", expected: "mentions the prospect's company" },
      ],
    });
    const assessment = await createGate({ judge: judges, levels: ["step"] }).assess(input);
    expect(assessment.levels[0]?.score).toBeNull();
    expect(assessment.violations.map((v) => v.code)).toEqual(["step_mismatch", "judge_unavailable"]);
  });
});

describe("trajectory level", () => {
  it("surfaces the judge's loop flag", async () => {
    const judges = levelJudges({ trajectory: [reply(0.4, "Research ran twice.", { loop: true })] });
    const assessment = await createGate({ judge: judges, levels: ["trajectory"] }).assess(cleanInput());
    expect(assessment.levels[0]).toMatchObject({ score: 0.4, flags: { loop: true }, promptId: "trajectory@2" });
  });

  it("reports a step repeating the same output as repeated_step_output without a judge, leaving the judge's loop flag unset", async () => {
    const input = cleanInput({
      steps: [
        { name: "search", output: { hits: 0 } },
        { name: "search", output: { hits: 0 } },
        { name: "search", output: { hits: 0 } },
      ],
    });
    const assessment = await createGate({ judge: levelJudges(), levels: ["trajectory"] }).assess(input, { killSwitch: true });
    expect(assessment.levels[0]?.flags?.loop).toBeUndefined();
    expect(assessment.levels[0]?.violations).toEqual([
      { code: "repeated_step_output", severity: "soft", level: "trajectory", detail: 'step "search" produced the same output 3 times' },
    ]);
  });
});

describe("outcome level", () => {
  it("lets a hard guardrail violation veto a 1.0 judge score", async () => {
    const judges = levelJudges({ step: [reply(1)], trajectory: [reply(1)], outcome: [reply(1)] });
    const assessment = await createGate({ judge: judges }).assess(cleanInput({ draft: "Hi {{first_name}}, congrats on the Austin warehouse." }));
    expect(assessment.composite).toBe(1);
    expect(assessment.levels[2]?.score).toBe(1);
    expect(assessment.passed).toBe(false);
    expect(assessment.rationale).toContain("hard violation (unresolved_placeholder)");
  });

  it("keeps guardrail results when the judge fails: level unscored, judge_unavailable, not auto-eligible", async () => {
    const judges = levelJudges({ outcome: [new Error("HTTP 503")] });
    const assessment = await createGate({ judge: judges }).assess(cleanInput({ draft: "Act now, Dana: our offer is risk-free." }));
    const outcome = assessment.levels[2];
    expect(outcome?.score).toBeNull();
    expect(outcome?.violations).toEqual([
      { code: "spam_phrase", severity: "hard", level: "outcome", detail: "2 spam-trigger phrases (list entries #1, #7)" },
      { code: "judge_unavailable", severity: "soft", level: "outcome", detail: "Error" },
    ]);
    expect(assessment.unscored).toEqual(["outcome"]);
    const route = decideRoute(assessment, { mode: "auto", eligible: true, breaker: "closed", killSwitch: false, auditSampled: false, escalation: [] });
    expect(route.route).toBe("human");
  });

  it("a failing judge alone never makes a clean draft auto-eligible, even when the rest passes", async () => {
    const judges = levelJudges({ outcome: [new Error("down")] });
    const assessment = await createGate({ judge: judges }).assess(cleanInput());
    expect(assessment.unscored).toEqual(["outcome"]);
    const route = decideRoute(assessment, { mode: "auto", eligible: true, breaker: "closed", killSwitch: false, auditSampled: false, escalation: [] });
    expect(route.route).toBe("human");
  });

  it("lets the host downgrade a guardrail's severity", async () => {
    const gate = createGate({ judge: levelJudges(), severity: { spam_phrase: "soft" } });
    const assessment = await gate.assess(cleanInput({ draft: "Hi Dana, click here for the Austin case study." }));
    expect(assessment.violations).toEqual([{ code: "spam_phrase", severity: "soft", level: "outcome", detail: "1 spam-trigger phrase (list entries #15)" }]);
    expect(assessment.passed).toBe(true);
  });

  it("sends the draft and the evidence to one compliance call", async () => {
    const judges = levelJudges();
    await createGate({ judge: judges, levels: ["outcome"] }).assess(cleanInput());
    expect(judges.outcome.calls).toHaveLength(1);
    const data = judges.outcome.calls[0]?.messages[1] ?? "";
    expect(data).toContain("<draft>");
    expect(data).toContain("Acme opened a second warehouse in Austin.");
  });
});

describe("judge-free runs", () => {
  it("scores a scalar-only step level and leaves judged levels unscored when no judge is configured", async () => {
    const assessment = await createGate({}).assess(scalarRun());
    expect(assessment.levels.map((l) => l.score)).toEqual([0.75, null, null]);
    expect(assessment.violations.filter((v) => v.code === "judge_unavailable").map((v) => v.detail)).toEqual(["no judge configured", "no judge configured"]);
  });

  it("uses a per-level judge where given and the default elsewhere", async () => {
    const fallback = new RecordingJudge([reply(0.6)]);
    const outcome = new RecordingJudge([reply(1)]);
    const assessment = await createGate({ judge: { default: fallback, outcome } }).assess(cleanInput());
    expect(fallback.calls).toHaveLength(2);
    expect(outcome.calls).toHaveLength(1);
    expect(assessment.levels.map((l) => l.score)).toEqual([0.6, 0.6, 1]);
  });
});
