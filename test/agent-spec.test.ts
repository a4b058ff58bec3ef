import { afterEach, describe, expect, it } from "vitest";
import { outreachScriptedJudges } from "../graphs/scripted-judge.js";
import { provenanceChanges } from "../src/certificate/compare.js";
import { computeStatus } from "../src/decisions/status.js";
import { GateConfigError } from "../src/errors.js";
import { resolveAgentSpec } from "../src/gate/agent-spec.js";
import { createGate } from "../src/gate/create-gate.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import type { AgentSpec, GateInput } from "../src/types.js";

const SCOPE = "outreach:first_touch";
const input = (text: string): GateInput => ({
  goal: "Book a call",
  steps: [{ name: "research", output: { company: "Acme" } }],
  draft: text,
  evidence: { company: "Acme" },
  scope: SCOPE,
});
const CLEAN = "Hi Ana, I saw the Series B news. Would a short call next week help?";
const COMPOSER: AgentSpec = { model: "gpt-4o-mini", promptVersion: "outreach-compose@3", tools: ["crm_lookup", "news_search"] };

let store: GateStore;
afterEach(() => store?.close());

function gate(agent?: AgentSpec) {
  return createGate({
    judge: outreachScriptedJudges(),
    store,
    escalation: { lowConfidence: false },
    policy: { preset: "default", minDecided: 2, auditRate: 0 },
    postHocRate: 0,
    ...(agent ? { agent } : {}),
  });
}

describe("the declared agent specification", () => {
  it("is part of the provenance key; no declaration keeps the key it always had", () => {
    const none = createGate({}).provenance;
    const declared = createGate({ agent: COMPOSER }).provenance;
    const other = createGate({ agent: { ...COMPOSER, model: "gpt-5" } }).provenance;
    expect(none.agent).toBeUndefined();
    expect(declared.agent).toEqual(COMPOSER);
    expect(new Set([none.provenanceKey, declared.provenanceKey, other.provenanceKey]).size).toBe(3);
    expect(provenanceChanges(declared, other)).toEqual(["agent model gpt-4o-mini → gpt-5"]);
  });

  it("tool order does not change the key", () => {
    const a = createGate({ agent: { tools: ["b", "a"] } }).provenance;
    const b = createGate({ agent: { tools: ["a", "b", "a"] } }).provenance;
    expect(a.provenanceKey).toBe(b.provenanceKey);
  });

  it.each<[string, unknown, RegExp]>([
    ["a string", "gpt-4o", /`agent`: received "gpt-4o"; expected an object/],
    ["tools that are not names", { tools: [1] }, /`agent\.tools`/],
    ["a model that is not a string", { model: 4 }, /`agent\.model`/],
    ["a function inside", { retriever: () => 1 }, /`agent\.retriever`.*a JSON value/],
  ])("refuses %s at construction, naming the field", (_label, agent, message) => {
    expect(() => resolveAgentSpec(agent)).toThrow(GateConfigError);
    expect(() => createGate({ agent: agent as AgentSpec })).toThrow(message);
  });

  it("changing it resets eligibility and sends an auto scope back to shadow, audited", async () => {
    store = createGateStore({ url: ":memory:" });
    const before = gate(COMPOSER);
    for (const [i, text] of [CLEAN, `${CLEAN} Thanks!`].entries()) {
      const verdict = await before.evaluate(input(text), { threadId: `earn-${i}` });
      await before.decide(verdict.id, { type: "approve" });
    }
    await store.setMode(SCOPE, "auto", { actor: "ops" });
    expect((await before.evaluate(input(`${CLEAN} Cheers.`), { threadId: "auto" })).route).toBe("auto");

    const after = gate({ ...COMPOSER, promptVersion: "outreach-compose@4" });
    const next = await after.evaluate(input(`${CLEAN} Best.`), { threadId: "new-agent" });

    expect(next).toMatchObject({ mode: "shadow", route: "human" });
    expect((await store.getScopeState(SCOPE)).mode).toBe("shadow");
    const [status] = await computeStatus(store, { scope: SCOPE });
    expect(status).toMatchObject({ n: 0, eligible: false, provenanceKey: after.provenance.provenanceKey });
    const audit = await store.listAudit({ scope: SCOPE });
    expect(audit.find((e) => e.kind === "provenance_change")?.payload).toMatchObject({
      from: before.provenance.provenanceKey,
      to: after.provenance.provenanceKey,
    });
    expect(audit.find((e) => e.kind === "mode_change" && e.payload.reason === "provenance key changed")).toBeDefined();
  });
});
