import type { BaseMessage } from "@langchain/core/messages";
import { afterEach, describe, expect, it } from "vitest";
import { switchMode } from "../src/decisions/modes.js";
import { createGate } from "../src/gate/create-gate.js";
import { SEED_FLIP_POLICY } from "../src/stats/policy.js";
import type { GateStore } from "../src/store/types.js";
import { FIXED_NOW, RecordingJudge, cleanInput, levelJudges, reply } from "./helpers/engine-fakes.js";
import { makeVerdict, memoryStore } from "./helpers/store-fixtures.js";

let store: GateStore;
afterEach(() => store?.close());

/** A judge that lets something happen in the world while it is deciding. */
class MidCallJudge extends RecordingJudge {
  constructor(private readonly during: () => Promise<unknown>) {
    super([reply(0.9)]);
  }

  override async _generate(messages: BaseMessage[]) {
    await this.during();
    return super._generate(messages);
  }
}

/**
 * A scope that has earned auto (one approved draft under a one-decision policy), and a gate on it
 * whose outcome judge runs `during` while it decides. With `beforeWrite`, another process acts
 * after the gate has read the scope and before its verdict write (the store is wrapped to do it).
 */
async function autoScope(during: () => Promise<unknown>, beforeWrite?: (store: GateStore) => Promise<unknown>) {
  store = memoryStore();
  await store.setPolicy("s", { ...SEED_FLIP_POLICY, minDecided: 1, auditRate: 0 }, "test");
  const earning = createGate({ judge: levelJudges(), store, scope: "s", now: FIXED_NOW });
  await earning.decide((await earning.evaluate(cleanInput({ goal: "earn" }), { threadId: "earn" })).id, { type: "approve" });
  await switchMode(store, "s", "auto", { actor: "test" });
  const judges = { ...levelJudges(), outcome: new MidCallJudge(during) };
  const inner = store;
  const racing: GateStore = beforeWrite === undefined ? inner : { ...inner, saveVerdict: async (v) => (await beforeWrite(inner), inner.saveVerdict(v)) };
  return createGate({ judge: judges, store: racing, scope: "s", now: FIXED_NOW });
}

describe("an auto route is checked again where it is stored", () => {
  it("a kill switch turned on while the judges run sends the draft to a human", async () => {
    const gate = await autoScope(() => store.setKillSwitch(true, "ops"));
    const verdict = await gate.evaluate(cleanInput(), { threadId: "t" });
    expect(verdict.route).toBe("human");
    expect(verdict.rationale).toContain("the kill switch was turned on while the draft was judged");
    expect((await store.getVerdict(verdict.id))?.route).toBe("human");
    const stamps = (await store.listAudit({ limit: 50 })).filter((e) => e.kind === "auto_approve");
    expect(stamps).toEqual([]);
  });

  it("a scope switched back to shadow between the gate's read and its write stores the draft as shadow, routed to a human", async () => {
    const gate = await autoScope(async () => undefined, (s) => switchMode(s, "s", "shadow", { actor: "ops" }));
    const verdict = await gate.evaluate(cleanInput(), { threadId: "t" });
    expect(verdict).toMatchObject({ route: "human", mode: "shadow" });
    expect(verdict.rationale).toContain("the scope was switched to shadow");
  });

  it("a breaker tripped between the gate's read and its write sends the draft to a human", async () => {
    const gate = await autoScope(async () => undefined, (s) => s.tripBreaker("s", "rejected pass"));
    const verdict = await gate.evaluate(cleanInput(), { threadId: "t" });
    expect(verdict.route).toBe("human");
    expect(verdict.rationale).toContain("the scope's breaker tripped");
  });

  it("with nothing changed the draft still goes auto", async () => {
    const gate = await autoScope(async () => undefined);
    expect((await gate.evaluate(cleanInput(), { threadId: "t" })).route).toBe("auto");
  });

  it("a stored route is only ever lowered: a human route into an auto scope stays a human route", async () => {
    store = memoryStore();
    await store.setMode("outreach:first_touch", "auto", { actor: "test", forced: true });
    const saved = await store.saveVerdict(makeVerdict({ id: "v-human", route: "human", mode: "auto" }));
    expect(saved.verdict.route).toBe("human");
  });
});
