import { describe, expect, it } from "vitest";
import { ESCALATION_CODES } from "../src/escalation/codes.js";
import { createEscalationTriggers } from "../src/escalation/triggers.js";
import { GateConfigError } from "../src/errors.js";
import { history, level, supportInput, triggerCtx } from "./helpers/escalation-fixtures.js";

const codes = (triggers: Array<{ code: string }>) => triggers.map((t) => t.code);
const defaults = createEscalationTriggers();

describe("low_confidence", () => {
  it("fires when the composite is below the floor", () => {
    const fired = defaults.evaluate(triggerCtx({ composite: 0.49, passed: false }));
    expect(fired).toEqual([{ code: "low_confidence", reason: "composite score 0.49 is below the confidence floor 0.5" }]);
  });

  it("does not fire at the floor itself", () => {
    expect(codes(defaults.evaluate(triggerCtx({ composite: 0.5, passed: false })))).not.toContain("low_confidence");
  });

  it("does not fire on an unscored verdict: an outage goes to the approval path", () => {
    const levels = [level("step", null), level("trajectory", null), level("outcome", null)];
    expect(defaults.evaluate(triggerCtx({ levels, composite: null, passed: false }))).toEqual([]);
  });

  it("uses the configured floor", () => {
    const triggers = createEscalationTriggers({ lowConfidence: { floor: 0.7 } });
    expect(codes(triggers.evaluate(triggerCtx({ composite: 0.65 })))).toEqual(["low_confidence"]);
  });
});

describe("repeated_failure", () => {
  it("fires on the third failed verdict in a row, the current one included", () => {
    const fired = defaults.evaluate(triggerCtx({ composite: 0.6, passed: false, history: history(false, false) }));
    expect(fired).toEqual([{ code: "repeated_failure", reason: "3 failed verdicts in a row on this thread (limit 3)" }]);
  });

  it("does not fire when a pass breaks the streak", () => {
    const ctx = triggerCtx({ composite: 0.6, passed: false, history: history(false, true, false, false) });
    expect(codes(defaults.evaluate(ctx))).not.toContain("repeated_failure");
  });

  it("does not fire when the current verdict passed", () => {
    expect(codes(defaults.evaluate(triggerCtx({ history: history(false, false, false) })))).toEqual([]);
  });

  it("does not count the current verdict twice when a re-run finds it in the history", () => {
    const ctx = triggerCtx({ composite: 0.6, passed: false, history: [{ id: "v-now", passed: false }, ...history(false)] });
    expect(codes(defaults.evaluate(ctx))).not.toContain("repeated_failure");
  });

  it("asks for as much history as the streak needs", () => {
    expect(createEscalationTriggers({ repeatedFailure: { count: 5 } }).historyDepth).toBe(5);
    expect(createEscalationTriggers({ repeatedFailure: false }).historyDepth).toBe(0);
  });
});

describe("loop", () => {
  const step = (name: string, output: unknown) => ({ name, output });

  it("fires when the same step returns the same output three times", () => {
    const steps = [step("search", { q: "refund" }), step("search", { q: "refund" }), step("read", 1), step("search", { q: "refund" })];
    const fired = defaults.evaluate(triggerCtx({ input: supportInput({ steps }) }));
    expect(fired).toEqual([{ code: "loop", reason: 'step "search" produced the same output 3 times on the step board' }]);
  });

  it("does not fire on two repeats, nor on different steps with equal outputs", () => {
    const steps = [step("search", "x"), step("search", "x"), step("a", true), step("b", true), step("c", true)];
    expect(defaults.evaluate(triggerCtx({ input: supportInput({ steps }) }))).toEqual([]);
  });

  it("with consecutiveOnly counts only repeats in a row", () => {
    const triggers = createEscalationTriggers({ loop: { consecutiveOnly: true } });
    const scattered = [step("s", 1), step("s", 1), step("t", 0), step("s", 1)];
    const inARow = [step("t", 0), step("s", 1), step("s", 1), step("s", 1)];
    expect(triggers.evaluate(triggerCtx({ input: supportInput({ steps: scattered }) }))).toEqual([]);
    expect(codes(triggers.evaluate(triggerCtx({ input: supportInput({ steps: inARow }) })))).toEqual(["loop"]);
  });

  it("fires on the trajectory judge's loop flag", () => {
    const levels = [level("step", 0.9), level("trajectory", 0.8, { flags: { loop: true } }), level("outcome", 0.9)];
    expect(defaults.evaluate(triggerCtx({ levels }))).toEqual([{ code: "loop", reason: "the trajectory judge flagged a redundant loop" }]);
  });

  it("fires on the judge's loop flag even when a step also repeated (fewer times than the repeat count)", () => {
    const repeated = { code: "repeated_step_output", severity: "soft" as const, level: "trajectory" as const };
    const levels = [level("trajectory", 0.8, { flags: { loop: true }, violations: [repeated] })];
    expect(defaults.evaluate(triggerCtx({ levels }))).toEqual([{ code: "loop", reason: "the trajectory judge flagged a redundant loop" }]);
  });

  it("a double repeat without the judge's flag stays below the repeat count", () => {
    const repeated = { code: "repeated_step_output", severity: "soft" as const, level: "trajectory" as const };
    const levels = [level("trajectory", 0.8, { violations: [repeated] })];
    expect(defaults.evaluate(triggerCtx({ levels }))).toEqual([]);
  });

  it("ignores the judge flag when judgeFlag is off", () => {
    const levels = [level("trajectory", 0.8, { flags: { loop: true } })];
    expect(createEscalationTriggers({ loop: { judgeFlag: false } }).evaluate(triggerCtx({ levels }))).toEqual([]);
  });
});

describe("ambiguity", () => {
  it("fires on a judge's ambiguity flag, naming the level", () => {
    const levels = [level("step", 0.9), level("trajectory", 0.9), level("outcome", 0.8, { flags: { ambiguity: true } })];
    expect(defaults.evaluate(triggerCtx({ levels }))).toEqual([{ code: "ambiguity", reason: "the outcome judge flagged the task as ambiguous" }]);
  });

  it("fires on the host flag, with the host's reason", () => {
    const triggers = createEscalationTriggers({
      ambiguity: { isAmbiguous: (input) => (Array.isArray(input.evidence) ? "two orders match the ticket" : false) },
    });
    const fired = triggers.evaluate(triggerCtx({ input: supportInput({ evidence: ["order A", "order B"] }) }));
    expect(fired).toEqual([{ code: "ambiguity", reason: "two orders match the ticket" }]);
  });

  it("does not fire when no flag is set and the host predicate says no", () => {
    const triggers = createEscalationTriggers({ ambiguity: { isAmbiguous: () => false } });
    const levels = [level("outcome", 0.9, { flags: { ambiguity: false } })];
    expect(triggers.evaluate(triggerCtx({ levels }))).toEqual([]);
  });
});

describe("sensitive", () => {
  it("fires on a legal threat in the evidence, matched across case and spacing", () => {
    const input = supportInput({ evidence: { ticket: "Refund me or I will SUE   YOU." } });
    expect(defaults.evaluate(triggerCtx({ input }))).toEqual([{ code: "sensitive", reason: "a legal threat in the evidence" }]);
  });

  it("fires on self-harm language in the goal and on regulated advice in the draft", () => {
    const input = supportInput({
      goal: "Customer says they want to end my life over this bill",
      draft: { text: "This is not investment advice, but should I invest in bonds is a common question." },
    });
    const [fired] = defaults.evaluate(triggerCtx({ input }));
    expect(fired?.reason).toBe("self-harm in the goal; a request for financial advice in the draft");
  });

  it("does not fire on near-miss wording (\"pursue your\", \"our lawyer-free plan\")", () => {
    const input = supportInput({ evidence: { ticket: "We pursue your satisfaction; our lawyer-free plan is cheap." } });
    expect(defaults.evaluate(triggerCtx({ input }))).toEqual([]);
  });

  it("never quotes the matched text in its reason", () => {
    const input = supportInput({ evidence: { ticket: "my lawyer will call" } });
    const [fired] = defaults.evaluate(triggerCtx({ input }));
    expect(fired?.reason).not.toMatch(/lawyer/);
  });

  it("fires on the host predicate, e.g. a refund above a limit", () => {
    const triggers = createEscalationTriggers({
      sensitive: { isSensitive: (input) => (Number((input.draft as { args?: { refund?: { amount?: number } } }).args?.refund?.amount) > 100 ? "refund above 100" : false) },
    });
    const big = supportInput({ draft: { text: "Refund issued.", args: { refund: { amount: 250 } } } });
    expect(triggers.evaluate(triggerCtx({ input: big }))).toEqual([{ code: "sensitive", reason: "refund above 100" }]);
    expect(triggers.evaluate(triggerCtx())).toEqual([]);
  });

  it("matches host phrases and honours the enabled categories", () => {
    const triggers = createEscalationTriggers({ sensitive: { categories: ["self_harm"], phrases: ["charge back"] } });
    const input = supportInput({ evidence: { ticket: "I'll file a chargeback and call my lawyer" } });
    expect(triggers.evaluate(triggerCtx({ input }))).toEqual([
      { code: "sensitive", reason: "a host-listed sensitive phrase in the evidence" },
    ]);
  });
});

describe("low_competence", () => {
  it("is a known code that the trigger options do not switch on (the gate's competence option does)", () => {
    expect(ESCALATION_CODES).toContain("low_competence");
    expect(() => createEscalationTriggers({ lowCompetence: true } as never)).toThrow(/escalation\.lowCompetence/);
  });
});

describe("configuration", () => {
  it("switches a trigger off with false", () => {
    const triggers = createEscalationTriggers({ lowConfidence: false });
    expect(triggers.evaluate(triggerCtx({ composite: 0.1, passed: false }))).toEqual([]);
    expect(triggers.config.lowConfidence).toBeNull();
  });

  it("reports several triggers in code order", () => {
    const input = supportInput({ evidence: { ticket: "lawsuit" } });
    const ctx = triggerCtx({ input, composite: 0.2, passed: false, history: history(false, false) });
    expect(codes(defaults.evaluate(ctx))).toEqual(["low_confidence", "repeated_failure", "sensitive"]);
  });

  it("rejects a bad value with a GateConfigError naming the option", () => {
    expect(() => createEscalationTriggers({ lowConfidence: { floor: 2 } })).toThrow(GateConfigError);
    expect(() => createEscalationTriggers({ repeatedFailure: { count: 1 } })).toThrow(/escalation\.repeatedFailure/);
    expect(() => createEscalationTriggers({ sensitive: { categories: ["gossip" as "self_harm"] } })).toThrow(/legal_threat/);
    expect(() => createEscalationTriggers({ typo: 1 } as never)).toThrow(/escalation\.typo/);
  });
});
