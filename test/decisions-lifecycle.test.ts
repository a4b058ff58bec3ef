import { afterEach, describe, expect, it } from "vitest";
import { ScriptedJudge } from "../graphs/scripted-judge.js";
import { switchMode } from "../src/decisions/modes.js";
import { createGate } from "../src/gate/create-gate.js";
import type { GateOptions } from "../src/gate/options.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import type { GateInput } from "../src/types.js";

const SCOPE = "outreach:first_touch";
let store: GateStore;
afterEach(() => store?.close());

/** A judge that scores every level 0.9 and counts its calls. */
function countingJudge(id = "judge-a") {
  const judge = new ScriptedJudge(() => {
    calls.n += 1;
    return { reasoning: "Fine.", score: 0.9 };
  }, id);
  const calls = { n: 0 };
  return { judge, calls };
}

const draft = (i: number, text = `Hi Ana, note number ${i} about the Series B. Call next week?`): GateInput => ({
  goal: "Book a call",
  steps: [{ name: "research", output: { company: "Acme" } }],
  draft: text,
  evidence: { company: "Acme" },
  scope: SCOPE,
});

function gateOn(s: GateStore, extra: Partial<GateOptions> = {}, id = "judge-a") {
  const { judge, calls } = countingJudge(id);
  return { gate: createGate({ judge, store: s, ...extra }), calls };
}

/** `count` passing verdicts, each approved: agreement 1.0 on the gate's provenance key. */
async function earn(gate: ReturnType<typeof gateOn>["gate"], count: number, offset = 0) {
  for (let i = offset; i < offset + count; i++) {
    const verdict = await gate.evaluate(draft(i), { threadId: `t-${i}` });
    await gate.decide(verdict.id, { type: "approve" });
  }
}

describe("the life cycle of a scope through the gate", () => {
  it("under the default (sequential) rule a scope earns eligibility at 30 agreeing decisions and the operator can then switch it to auto", async () => {
    // 30 · ln(0.95/0.80) = 5.16 ≥ ln(1/α₀) = 5.10; 29 agreeing decisions give 4.98.
    store = createGateStore({ url: ":memory:" });
    const { gate } = gateOn(store);
    await earn(gate, 29);
    await expect(switchMode(store, SCOPE, "auto", { actor: "ops" })).rejects.toThrow(/agreement test 4\.98 < 5\.10/);
    await earn(gate, 1, 29);
    expect((await switchMode(store, SCOPE, "auto", { actor: "ops" })).mode).toBe("auto");
    const next = await gate.evaluate(draft(100), { threadId: "t-100" });
    expect(next.route === "auto" || next.auditSampled).toBe(true);
  });

  it("a new judge model changes the provenance key: the evidence no longer counts and auto falls back to shadow", async () => {
    store = createGateStore({ url: ":memory:" });
    const { gate } = gateOn(store);
    await earn(gate, 50);
    await switchMode(store, SCOPE, "auto", { actor: "ops" });
    const { gate: upgraded } = gateOn(store, {}, "judge-b");
    const verdict = await upgraded.evaluate(draft(200), { threadId: "t-200" });
    expect(verdict.route).toBe("human");
    expect(verdict.mode).toBe("shadow");
    expect(verdict.eligibility).toMatchObject({ eligible: false, n: 0 });
    expect((await store.listAudit({ scope: SCOPE })).map((e) => e.kind)).toContain("provenance_change");
  });

  it("the kill switch in the store stops every judge call and nothing goes auto", async () => {
    store = createGateStore({ url: ":memory:" });
    const { gate, calls } = gateOn(store);
    await earn(gate, 50);
    await switchMode(store, SCOPE, "auto", { actor: "ops" });
    await store.setKillSwitch(true, "ops");
    const before = calls.n;
    const verdict = await gate.evaluate(draft(300), { threadId: "t-300" });
    expect(calls.n).toBe(before);
    expect(verdict.route).toBe("human");
    expect(verdict.violations.map((v) => v.code)).toContain("kill_switch");
  });

  it("under the seed preset's window breaker a rejected pass on an auto-mode verdict trips the breaker back to shadow with a new evidence epoch", async () => {
    store = createGateStore({ url: ":memory:" });
    const { gate } = gateOn(store, { policy: { preset: "default" } });
    await earn(gate, 50);
    await switchMode(store, SCOPE, "auto", { actor: "ops" });
    const auto = await gate.evaluate(draft(400), { threadId: "t-400" });
    expect(auto.mode).toBe("auto");
    await gate.decide(auto.id, { type: "reject", by: "auditor" });
    const state = await store.getScopeState(SCOPE);
    expect(state).toMatchObject({ mode: "shadow", breaker: "open", epoch: 1 });
    expect(state.breakerReason).toMatch(/1 rejected pass/);
    const after = await gate.evaluate(draft(401), { threadId: "t-401" });
    expect(after.eligibility).toMatchObject({ eligible: false, n: 0 });
  });

  it("a store failure fails open: the draft goes to the human with gate_error, never an exception", async () => {
    store = createGateStore({ url: ":memory:" });
    const broken = new Proxy(store, {
      get: (target, key) =>
        key === "getVerdict" ? () => Promise.reject(new Error("disk gone")) : Reflect.get(target, key),
    });
    const { gate } = gateOn(broken);
    const verdict = await gate.evaluate(draft(500), { threadId: "t-500" });
    expect(verdict.route).toBe("human");
    expect(verdict.passed).toBe(false);
    expect(verdict.violations).toContainEqual(expect.objectContaining({ code: "gate_error", level: "gate" }));
  });
});
