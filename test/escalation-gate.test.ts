import { afterEach, describe, expect, it } from "vitest";
import { GateConfigError } from "../src/errors.js";
import { createGate } from "../src/gate/create-gate.js";
import type { GateStore } from "../src/store/types.js";
import { levelJudges, reply } from "./helpers/engine-fakes.js";
import { supportInput } from "./helpers/escalation-fixtures.js";
import { escalationTestGate } from "./helpers/escalation-gate.js";
import { memoryStore } from "./helpers/store-fixtures.js";

let store: GateStore;
afterEach(() => store?.close());

const draft = (n: number) => ({ text: `Reply attempt ${n}: I have refunded the duplicate charge.`, args: { refund: { amount: 29 } } });
const scoring = (score: number) => levelJudges({ step: [reply(score)], trajectory: [reply(score)], outcome: [reply(score)] });

describe("the gate's escalation triggers", () => {
  it("escalates the third failed draft in a row on a thread, reading the history from the store", async () => {
    store = memoryStore();
    const gate = escalationTestGate(store, { judge: scoring(0.6) });
    const routes: string[] = [];
    for (const n of [1, 2, 3]) routes.push((await gate.evaluate(supportInput({ draft: draft(n) }), { threadId: "t" })).route);
    expect(routes).toEqual(["human", "human", "escalate"]);
    const [third] = await store.listVerdicts({ threadId: "t", limit: 1 });
    expect(third?.escalation).toEqual(["repeated_failure"]);
  });

  it("counts failures per thread: another thread's failures do not add up", async () => {
    store = memoryStore();
    const gate = escalationTestGate(store, { judge: scoring(0.6) });
    await gate.evaluate(supportInput({ draft: draft(1) }), { threadId: "a" });
    await gate.evaluate(supportInput({ draft: draft(2) }), { threadId: "a" });
    expect((await gate.evaluate(supportInput({ draft: draft(3) }), { threadId: "b" })).route).toBe("human");
  });

  it("escalates a low-confidence draft", async () => {
    store = memoryStore();
    const verdict = await escalationTestGate(store, { judge: scoring(0.3) }).evaluate(supportInput(), { threadId: "t" });
    expect(verdict).toMatchObject({ route: "escalate", escalation: ["low_confidence"] });
  });

  it("fails open to the human when a host predicate throws", async () => {
    store = memoryStore();
    const gate = escalationTestGate(store, {
      escalation: {
        sensitive: {
          isSensitive: () => {
            throw new Error("CRM down");
          },
        },
      },
    });
    const verdict = await gate.evaluate(supportInput(), { threadId: "t" });
    expect(verdict.route).toBe("human");
    expect(verdict.violations.map((v) => v.code)).toContain("gate_error");
  });

  it("rejects bad trigger options at construction, naming them", () => {
    expect(() => createGate({ escalation: { lowConfidence: { floor: 3 } } })).toThrow(GateConfigError);
    expect(() => createGate({ escalation: { lowConfidence: { floor: 3 } } })).toThrow(/escalation\.lowConfidence/);
  });
});
