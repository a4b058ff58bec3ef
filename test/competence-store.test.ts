import { afterEach, describe, expect, it } from "vitest";
import { backfillDecision } from "../src/decisions/backfill.js";
import { switchMode } from "../src/decisions/modes.js";
import { computeStatus } from "../src/decisions/status.js";
import { GateConfigError, OperationRefusedError } from "../src/errors.js";
import { resolvePolicy } from "../src/stats/policy.js";
import type { GateStore } from "../src/store/types.js";
import { updateStrength } from "../src/competence/ledger.js";
import { gateDraft, movableClock } from "./helpers/competence-fixtures.js";
import { memoryStore } from "./helpers/store-fixtures.js";

const A = "outreach:first_touch";
const B = "billing:refund_reply";
let store: GateStore;
afterEach(() => store?.close());

const clock = movableClock();
const strength = async (scope: string) => (await store.getCompetence(scope))?.strength ?? null;

/** Gates and decides one draft of a scope. */
async function decide(scope: string, id: string, type: "approve" | "edit" | "reject" | "skip", difficulty?: number, passed = true) {
  await gateDraft(store, scope, id, passed, clock.now());
  return backfillDecision(store, id, { type, by: "ana", ...(difficulty === undefined ? {} : { difficulty }) });
}

describe("the competence ledger in the store", () => {
  it("a failure in one scope leaves another scope's strength untouched", async () => {
    store = memoryStore();
    await decide(A, "a1", "approve");
    await decide(B, "b1", "approve");
    const before = await strength(A);
    await decide(B, "b2", "reject", 2);
    expect(await strength(A)).toBe(before);
    expect(await strength(B)).toBeCloseTo(updateStrength(updateStrength(0.3, { signal: 1, difficulty: 1 }), { signal: -1, difficulty: 2 }), 12);
  });

  it("a first decision starts from the initial 0.3 and is weighted by the host's difficulty", async () => {
    store = memoryStore();
    await decide(A, "a1", "approve", 2);
    expect(await strength(A)).toBeCloseTo(0.36, 12);
  });

  it("re-running the same backfill counts the decision once", async () => {
    store = memoryStore();
    await decide(A, "a1", "approve");
    await backfillDecision(store, "a1", { type: "approve", by: "ana" });
    expect(await strength(A)).toBeCloseTo(0.33, 12);
    expect(await store.competenceHistory(A)).toHaveLength(1);
  });

  it("a changed decision ends where the final decision alone would", async () => {
    store = memoryStore();
    await decide(A, "a1", "reject");
    await backfillDecision(store, "a1", { type: "approve", by: "ana" });
    expect(await strength(A)).toBeCloseTo(updateStrength(0.3, { signal: 1, difficulty: 1 }), 12);
  });

  it("a skip moves nothing", async () => {
    store = memoryStore();
    await decide(A, "a1", "skip");
    expect(await store.getCompetence(A)).toBeNull();
  });

  it("an audit outcome on a verdict routed in auto mode moves the ledger", async () => {
    store = memoryStore();
    await store.setMode(A, "auto", { actor: "ops", forced: true });
    const verdict = await gateDraft(store, A, "a1", true, clock.now());
    expect(verdict.mode).toBe("auto");
    await backfillDecision(store, "a1", { type: "edit", by: "auditor" });
    expect(await strength(A)).toBeCloseTo(updateStrength(0.3, { signal: -1, difficulty: 1 }), 12);
  });

  it("a difficulty outside [0.5, 2.0] is refused before the decision is recorded", async () => {
    store = memoryStore();
    await gateDraft(store, A, "a1", true, clock.now());
    await expect(backfillDecision(store, "a1", { type: "approve", difficulty: 3 })).rejects.toThrow(GateConfigError);
    expect((await store.getVerdict("a1"))?.decision).toBeUndefined();
  });

  it("keeps every update, oldest first, for the competence curve", async () => {
    store = memoryStore();
    await decide(A, "a1", "approve");
    await decide(A, "a2", "reject", 0.5);
    const history = await store.competenceHistory(A);
    expect(history.map((e) => [e.verdictId, e.signal, e.difficulty])).toEqual([
      ["a1", 1, 1],
      ["a2", -1, 0.5],
    ]);
    expect(history[1]?.before).toBeCloseTo(history[0]?.after ?? NaN, 12);
  });
});

describe("levels in status", () => {
  it("a guidance-seeking scope is L2 (collaborator), a proposing shadow scope L3 (consultant), an auto scope L4 (approver)", async () => {
    store = memoryStore();
    await decide(A, "a1", "reject");
    await decide(B, "b1", "approve", 2);
    await decide(B, "b2", "approve", 2); // 0.30 → 0.36 → 0.42: proposal
    await store.setMode("c", "auto", { actor: "ops", forced: true });
    await decide("c", "c1", "approve");
    const levels = Object.fromEntries((await computeStatus(store)).map((s) => [s.scope, [s.level, s.role, s.competenceBand]]));
    expect(levels).toEqual({
      [A]: ["L2", "collaborator", "guidance-seeking"],
      [B]: ["L3", "consultant", "proposal"],
      c: ["L4", "approver", "guidance-seeking"],
    });
  });

  it("no scope is L5 (observer): auto keeps a human fallback for failing drafts", async () => {
    store = memoryStore();
    await store.setMode(A, "auto", { actor: "ops", forced: true });
    for (let i = 0; i < 30; i++) await decide(A, `a${i}`, "approve", 2);
    const [status] = await computeStatus(store, { scope: A });
    expect(status?.competenceBand).toBe("autonomous");
    expect(status?.level).toBe("L4");
  });

  it("every scope is L1 (operator) while the kill switch is on", async () => {
    store = memoryStore();
    await store.setMode(A, "auto", { actor: "ops", forced: true });
    await decide(A, "a1", "approve");
    await store.setKillSwitch(true, "ops");
    expect((await computeStatus(store, { scope: A }))[0]?.level).toBe("L1");
  });
});

describe("enforcement through the eligibility helpers", () => {
  it("with competence.enforce, switching an otherwise eligible scope to auto is refused below the autonomous band", async () => {
    store = memoryStore();
    await store.setPolicy(A, resolvePolicy({ preset: "default", minDecided: 2 }), "ops");
    // The gate and the human agree twice (a pass approved, a fail edited): eligible at n = 2, but
    // the ledger saw one success and one failure and is guidance-seeking.
    await decide(A, "a1", "approve");
    await decide(A, "a2", "edit", 1, false);
    const refused = switchMode(store, A, "auto", { actor: "ops", competence: { enforce: true } });
    await expect(refused).rejects.toBeInstanceOf(OperationRefusedError);
    await expect(refused).rejects.toThrow(/competence 0\.23 \(guidance-seeking\) below the autonomous band \(≥ 0\.70\)/);
    await expect(switchMode(store, A, "auto", { actor: "ops" })).resolves.toMatchObject({ mode: "auto" });
    const [status] = await computeStatus(store, { scope: A, competence: { enforce: true } });
    expect(status?.eligible).toBe(false);
  });
});
