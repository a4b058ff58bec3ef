import { afterEach, describe, expect, it } from "vitest";
import { outreachScriptedJudges } from "../graphs/scripted-judge.js";
import { createGate } from "../src/gate/create-gate.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import type { GateInput } from "../src/types.js";

const SCOPE = "outreach:first_touch";
const input = (text: string): GateInput => ({
  goal: "Book a call",
  steps: [{ name: "research", output: { company: "Acme" } }],
  draft: text,
  evidence: { company: "Acme" },
  scope: SCOPE,
});
const CLEAN = "Hi Ana, I saw the Series B news. Would a short call next week help?";
const PLACEHOLDER = "Hi {{first_name}}, would a short call next week help?";

let store: GateStore;
afterEach(() => store?.close());

function gateWith(enforce: boolean, initial?: number) {
  store = createGateStore({ url: ":memory:" });
  return createGate({
    judge: outreachScriptedJudges(),
    store,
    escalation: { lowConfidence: false },
    competence: { enforce, ...(initial === undefined ? {} : { initial }) },
    policy: { minDecided: 2 },
  });
}

describe("the competence ledger in the gate", () => {
  it("an enforced, guidance-seeking scope escalates with low_competence", async () => {
    const gate = gateWith(true);
    const first = await gate.evaluate(input(CLEAN), { threadId: "t1" });
    await gate.decide(first.id, { type: "reject" }); // 0.30 − 0.09·1.15 ≈ 0.20: guidance-seeking
    const next = await gate.evaluate(input(`${CLEAN} Thanks!`), { threadId: "t2" });
    expect(next.escalation).toContain("low_competence");
    expect(next.route).toBe("escalate");
  });

  it("without enforce the ledger is recorded but never escalates", async () => {
    const gate = gateWith(false);
    const first = await gate.evaluate(input(CLEAN), { threadId: "t1" });
    await gate.decide(first.id, { type: "reject" });
    expect((await store.getCompetence(SCOPE))?.strength).toBeCloseTo(0.3 - 0.09 * 1.15, 10);
    const next = await gate.evaluate(input(`${CLEAN} Thanks!`), { threadId: "t2" });
    expect(next.escalation).not.toContain("low_competence");
    expect(next.route).toBe("human");
  });

  it("an enforced scope in auto needs the autonomous band as well as the flip criterion", async () => {
    const gate = gateWith(true, 0.55);
    const pass = await gate.evaluate(input(CLEAN), { threadId: "t1" });
    const fail = await gate.evaluate(input(PLACEHOLDER), { threadId: "t2" });
    await gate.decide(pass.id, { type: "approve" }); // 0.58
    await gate.decide(fail.id, { type: "reject" }); // 0.58 − 0.09·1.29 ≈ 0.46: proposal band, 2/2 agreement
    await store.setMode(SCOPE, "auto", { actor: "test", forced: true, reason: "test setup" });
    const next = await gate.evaluate(input(`${CLEAN} Cheers.`), { threadId: "t3" });
    expect(next.passed).toBe(true);
    expect(next.route).toBe("human");
    expect(next.eligibility?.reasons.join("; ")).toMatch(/competence 0\.46 \(proposal\) below the autonomous band/);
  });
});
