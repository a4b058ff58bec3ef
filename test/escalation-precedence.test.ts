import { afterEach, describe, expect, it } from "vitest";
import { routeAfterGate } from "../src/nodes/edges.js";
import { resolvePolicy } from "../src/stats/policy.js";
import type { GateStore } from "../src/store/types.js";
import { supportInput } from "./helpers/escalation-fixtures.js";
import { escalationTestGate } from "./helpers/escalation-gate.js";
import { memoryStore } from "./helpers/store-fixtures.js";

const SCOPE = "support:reply";
const threat = supportInput({ evidence: { ticket: "Refund me or I will sue you.", account: { tier: "standard" } } });

let store: GateStore;
afterEach(() => store?.close());

/** A scope in auto mode that has earned it: one agreeing decision under a one-decision policy. */
async function eligibleAutoScope() {
  store = memoryStore();
  const gate = escalationTestGate(store);
  await store.setPolicy(SCOPE, resolvePolicy({ preset: "default", minDecided: 1, auditRate: 0 }), "test");
  const first = await gate.evaluate(supportInput(), { threadId: "earn" });
  await gate.decide(first.id, { type: "approve" });
  await store.setMode(SCOPE, "auto", { actor: "test" });
  return gate;
}

describe("escalation precedence", () => {
  it("a clean passing draft goes auto in the eligible auto scope (the control)", async () => {
    const gate = await eligibleAutoScope();
    const verdict = await gate.evaluate(supportInput(), { threadId: "clean" });
    expect(verdict).toMatchObject({ mode: "auto", passed: true, route: "auto", escalation: [] });
  });

  it("a passing draft that trips a trigger escalates even where it would auto-approve", async () => {
    const gate = await eligibleAutoScope();
    const verdict = await gate.evaluate(threat, { threadId: "threat" });
    expect(verdict.passed).toBe(true);
    expect(verdict.eligibility?.eligible).toBe(true);
    expect(verdict).toMatchObject({ mode: "auto", route: "escalate", escalation: ["sensitive"] });
    expect((await store.listAudit()).some((a) => a.kind === "auto_approve" && a.payload.verdictId === verdict.id)).toBe(false);
  });

  it("in shadow mode an escalating draft goes to escalate, not to the approval interrupt", async () => {
    store = memoryStore();
    const verdict = await escalationTestGate(store).evaluate(threat, { threadId: "shadow" });
    expect(verdict).toMatchObject({ mode: "shadow", route: "escalate" });
    const next = routeAfterGate({ auto: "send_reply" })({ gate: { verdictId: verdict.id, route: verdict.route, verdict } });
    expect(next).toBe("escalate");
  });

  it("a switched-off trigger leaves the draft to the approval path", async () => {
    store = memoryStore();
    const verdict = await escalationTestGate(store, { escalation: { sensitive: false } }).evaluate(threat, { threadId: "off" });
    expect(verdict).toMatchObject({ route: "human", escalation: [] });
  });
});
