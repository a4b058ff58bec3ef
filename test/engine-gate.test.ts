import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { GateConfigError } from "../src/errors.js";
import { createGate } from "../src/gate/create-gate.js";
import { verdictIdOf } from "../src/gate/identity.js";
import { hashValue } from "../src/hash.js";
import { canonicalInput } from "../src/input/canonical.js";
import { PACKAGE_VERSION } from "../src/version.js";
import type { GateInput } from "../src/types.js";
import { FIXED_NOW, RecordingJudge, cleanInput, levelJudges, reply, totalCalls } from "./helpers/engine-fakes.js";

describe("composing the verdict", () => {
  it("averages only the scored levels", async () => {
    const judges = levelJudges({ step: [reply(0.9)], trajectory: [new Error("down")], outcome: [reply(0.7)] });
    const assessment = await createGate({ judge: judges }).assess(cleanInput());
    expect(assessment.composite).toBeCloseTo(0.8, 12);
    expect(assessment.unscored).toEqual(["trajectory"]);
    expect(assessment.passed).toBe(true);
  });

  it("does not pass when every level is unscored", async () => {
    const judges = levelJudges({ step: [new Error("x")], trajectory: [new Error("x")], outcome: [new Error("x")] });
    const assessment = await createGate({ judge: judges }).assess(cleanInput());
    expect(assessment.composite).toBeNull();
    expect(assessment.passed).toBe(false);
    expect(assessment.rationale).toBe("failed: no level scored; unscored: step, trajectory, outcome");
  });

  it("fails a composite below the threshold and passes one at it", async () => {
    const at = await createGate({ judge: levelJudges({ step: [reply(0.8)], trajectory: [reply(0.8)], outcome: [reply(0.8)] }) }).assess(cleanInput());
    const below = await createGate({ judge: levelJudges({ step: [reply(0.8)], trajectory: [reply(0.8)], outcome: [reply(0.77)] }) }).assess(cleanInput());
    expect(at.passed).toBe(true);
    expect(below.passed).toBe(false);
    expect(below.rationale).toBe("failed: composite 0.79 < 0.80; composite 0.79 over step, trajectory, outcome");
  });

  it("honours a custom pass threshold", async () => {
    const judges = levelJudges({ step: [reply(0.6)], trajectory: [reply(0.6)], outcome: [reply(0.6)] });
    expect((await createGate({ judge: judges, passThreshold: 0.5 }).assess(cleanInput())).passed).toBe(true);
  });
});

describe("judge calls", () => {
  it("cost at most one call per level, three per verdict", async () => {
    const judge = new RecordingJudge([reply(0.9)]);
    const input = cleanInput({
      steps: [
        { name: "research", output: "x", expected: "mentions the company" },
        { name: "angle", output: "y", expected: "ties to the news" },
        { name: "score", output: 3, expected: 3 },
      ],
    });
    await createGate({ judge }).assess(input);
    expect(judge.calls).toHaveLength(3);
  });

  it("run concurrently: the three level calls overlap in time", async () => {
    const judges = levelJudges({}, 100);
    await createGate({ judge: judges }).assess(cleanInput());
    const calls = [judges.step, judges.trajectory, judges.outcome].map((j) => j.calls[0]);
    const latestStart = Math.max(...calls.map((c) => c?.start ?? Number.NaN));
    const earliestEnd = Math.min(...calls.map((c) => c?.end ?? Number.NaN));
    expect(latestStart).toBeLessThan(earliestEnd);
  });

  it("work with one FakeListChatModel answering step, trajectory and outcome in that order", async () => {
    const judge = new FakeListChatModel({ responses: [reply(0.7), reply(0.8), reply(0.9)] });
    const assessment = await createGate({ judge }).assess(cleanInput());
    expect(assessment.levels.map((l) => l.score)).toEqual([0.7, 0.8, 0.9]);
  });
});

describe("kill switch", () => {
  const dirty = () => cleanInput({ draft: "Hi {{first_name}}, act now!" });

  it.each([
    ["the option", { killSwitch: true }, {}],
    ["the call context", {}, { killSwitch: true }],
  ])("set through %s makes no LLM call and scores nothing, keeping the deterministic checks", async (_label, options, ctx) => {
    const judges = levelJudges();
    const assessment = await createGate({ judge: judges, ...options }).assess(dirty(), ctx);
    expect(totalCalls(judges)).toBe(0);
    expect(assessment.unscored).toEqual(["step", "trajectory", "outcome"]);
    expect(assessment.passed).toBe(false);
    expect(assessment.violations.map((v) => v.code)).toEqual(["unresolved_placeholder", "spam_phrase", "kill_switch"]);
    expect(assessment.rationale).toMatch(/^failed: kill switch on/);
  });

  it("unscores even a deterministic step level, so nothing can pass", async () => {
    const input = cleanInput({ steps: [{ name: "score", output: 3, expected: 3 }] });
    const assessment = await createGate({ judge: levelJudges(), levels: ["step"], killSwitch: true }).assess(input);
    expect(assessment.levels[0]?.score).toBeNull();
    expect(assessment.passed).toBe(false);
  });
});

describe("failing open", () => {
  it("turns a throwing host guardrail into gate_error and a failed verdict, never a throw", async () => {
    const judges = levelJudges({ step: [reply(1)], trajectory: [reply(1)], outcome: [reply(1)] });
    const explode = () => {
      throw new Error("bug in host guardrail");
    };
    const verdict = await createGate({ judge: judges, guardrails: { custom: [explode] } }).evaluate(cleanInput());
    expect(verdict.violations.map((v) => v.code)).toEqual(["gate_error"]);
    expect(verdict.passed).toBe(false);
    expect(verdict.route).toBe("human");
  });

  it("reads a throwing getter in the input as invalid_input naming the field, never as a crash", async () => {
    const expectations = Object.defineProperty({}, "research", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const assessment = await createGate({ judge: levelJudges() }).assess(cleanInput({ expectations }));
    expect(assessment.violations.filter((v) => v.code === "invalid_input")).toEqual([
      { code: "invalid_input", severity: "hard", level: "gate", detail: "expectations.research: reading it threw (a getter or proxy)" },
    ]);
    expect(assessment.passed).toBe(false);
  });

  it("answers malformed input with a failed verdict naming the problem", async () => {
    const verdict = await createGate({ judge: levelJudges() }).evaluate({ goal: 42, steps: "nope" } as unknown as GateInput);
    expect(verdict.passed).toBe(false);
    expect(verdict.violations.filter((v) => v.code === "invalid_input").map((v) => v.detail)).toEqual([
      "goal: not a string",
      "steps: not an array of steps",
      "draft: missing (a string or { text, args? } is required)",
    ]);
    expect(verdict.violations.every((v) => v.code !== "invalid_input" || v.severity === "hard")).toBe(true);
  });

  it("survives a judge whose invoke throws synchronously", async () => {
    const judge = Object.assign(new RecordingJudge([]), {
      invoke: () => {
        throw new Error("sync");
      },
    });
    const assessment = await createGate({ judge }).assess(cleanInput());
    expect(assessment.unscored).toEqual(["step", "trajectory", "outcome"]);
  });
});

describe("the verdict", () => {
  it("is a shadow-mode verdict for the human, stamped by the clock, with a deterministic id", async () => {
    const gate = createGate({ judge: levelJudges(), now: FIXED_NOW, scope: "outreach:first_touch" });
    const verdict = await gate.evaluate(cleanInput(), { threadId: "thread-1" });
    expect(verdict).toMatchObject({ scope: "outreach:first_touch", threadId: "thread-1", mode: "shadow", route: "human", auditSampled: false, escalation: [], createdAt: "2025-01-02T03:04:05.000Z" });
    expect(verdict.id).toBe(verdictIdOf(canonicalInput(cleanInput()), "outreach:first_touch", "thread-1"));
    expect((await gate.evaluate(cleanInput(), { threadId: "thread-1" })).id).toBe(verdict.id);
    expect((await gate.evaluate(cleanInput(), { threadId: "thread-2" })).id).not.toBe(verdict.id);
  });

  it("hashes a bare-string draft like the same { text } draft", async () => {
    const gate = createGate({ judge: levelJudges() });
    const bare = await gate.assess(cleanInput({ draft: "Hello Dana" }));
    const wrapped = await gate.assess(cleanInput({ draft: { text: "Hello Dana" } }));
    expect(bare.draftHash).toBe(wrapped.draftHash);
    expect(bare.draftHash).toBe(hashValue({ text: "Hello Dana" }));
  });

  it("takes the input's scope over the gate's default", async () => {
    const assessment = await createGate({ judge: levelJudges() }).assess(cleanInput({ scope: "outreach:follow_up" }));
    expect(assessment.scope).toBe("outreach:follow_up");
  });
});

describe("provenance", () => {
  it("records prompt versions, guardrail set, judge per level and package version", () => {
    const gate = createGate({ judge: { default: Object.assign(new RecordingJudge([]), { model: "gpt-4o-mini" }) }, levels: ["step", "outcome"] });
    const { provenanceKey, ...fields } = gate.provenance;
    expect(fields).toEqual({
      prompts: ["step-expectations@2", "step-wellformed@2", "outcome-compliance@2"],
      guardrailSetVersion: "guardrails@2",
      judgeModels: { step: "gpt-4o-mini", trajectory: "none", outcome: "gpt-4o-mini" },
      packageVersion: PACKAGE_VERSION,
      passThreshold: 0.8,
    });
    expect(provenanceKey).toBe(hashValue(fields));
  });

  it("changes its key when the judge model or the guardrail configuration changes", () => {
    const named = (model: string) => Object.assign(new RecordingJudge([]), { model });
    const base = createGate({ judge: named("a") }).provenance;
    expect(createGate({ judge: named("a") }).provenance.provenanceKey).toBe(base.provenanceKey);
    expect(createGate({ judge: named("b") }).provenance.provenanceKey).not.toBe(base.provenanceKey);
    const tuned = createGate({ judge: named("a"), guardrails: { maxDraftChars: 900 } }).provenance;
    expect(tuned.guardrailSetVersion).toMatch(/^guardrails@2\+[0-9a-f]{12}$/);
    expect(tuned.provenanceKey).not.toBe(base.provenanceKey);
  });

  it("changes its key when the pass threshold changes, since a pass then means something else", () => {
    const judge = Object.assign(new RecordingJudge([]), { model: "a" });
    const base = createGate({ judge }).provenance.provenanceKey;
    expect(createGate({ judge, passThreshold: 0.7 }).provenance.provenanceKey).not.toBe(base);
  });
});

describe("invalid configuration", () => {
  it.each([
    [{ passThreshold: 1.5 }, "Invalid option `passThreshold`: received 1.5; expected a number from 0 to 1."],
    [{ levels: ["stepz"] }, 'Invalid option `levels[0]`: received "stepz"; expected a level: one of "step", "trajectory", "outcome".'],
    [{ levels: [] }, 'Invalid option `levels`: received []; expected at least one level of "step", "trajectory", "outcome".'],
    [{ judge: "gpt-4o" }, "Invalid option `judge`: received \"gpt-4o\"; expected a LangChain chat model (e.g. ChatOpenAI) or { default?, step?, trajectory?, outcome? } of chat models."],
    [{ judge: { invoke: () => null } }, "Invalid option `judge`"],
    [{ judge: { stpe: new RecordingJudge([]) } }, 'Invalid option `judge.stpe`'],
    [{ judgeTimeoutMs: 0 }, "Invalid option `judgeTimeoutMs`: received 0; expected a whole number of milliseconds from 1 to 600000."],
    [{ guardrails: { disable: ["spam"] } }, 'Invalid option `guardrails.disable[0]`: received "spam"; expected a built-in guardrail code: one of "unresolved_placeholder", "spam_phrase", "empty_draft", "oversized_draft", "prompt_injection_marker".'],
    [{ guardrails: { maxDraftChars: -1 } }, "Invalid option `guardrails.maxDraftChars`: received -1"],
    [{ severity: { judge_unavailable: "hard" } }, "Invalid option `severity.judge_unavailable`"],
    [{ severity: { spam_phrase: "fatal" } }, 'Invalid option `severity.spam_phrase`: received "fatal"; expected "hard" or "soft".'],
    [{ passTreshold: 0.9 }, "Invalid option `passTreshold`: received 0.9; expected a known option: one of"],
  ])("throws GateConfigError at construction for %j", (options, message) => {
    expect(() => createGate(options as never)).toThrow(GateConfigError);
    expect(() => createGate(options as never)).toThrow(message);
  });

  it("exposes the resolved options with their defaults", () => {
    const { options } = createGate();
    expect(options).toMatchObject({ levels: ["step", "trajectory", "outcome"], passThreshold: 0.8, judgeTimeoutMs: 30_000, judgeTemperature: 0, killSwitch: false, scope: "default", severity: {} });
    expect(options.guardrails).toEqual({ maxDraftChars: 5000, disable: [], custom: [] });
    expect(options.now()).toBeInstanceOf(Date);
  });
});
