import { afterEach, describe, expect, it } from "vitest";
import { STRICT_FLIP_POLICY } from "../src/stats/policy.js";
import type { FlipPolicy, GateStore } from "../src/store/types.js";
import { FIXED_NOW, memoryStore } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
let store: GateStore;
afterEach(() => store?.close());

const POLICY: FlipPolicy = { ...STRICT_FLIP_POLICY };

describe("scope state", () => {
  it("a scope never seen reads as shadow, breaker closed, epoch 0, no policy, and is not written", async () => {
    store = memoryStore();
    expect(await store.getScopeState(SCOPE)).toEqual({
      scope: SCOPE,
      mode: "shadow",
      breaker: "closed",
      breakerReason: null,
      epoch: 0,
      policy: null,
      provenanceKey: null,
      revivedAgree: null,
      updatedAt: FIXED_NOW.toISOString(),
    });
    expect(await store.listScopes()).toEqual([]);
  });

  it("a mode change is written and audited with its actor, reason and forced flag", async () => {
    store = memoryStore();
    const state = await store.setMode(SCOPE, "auto", { actor: "ops", reason: "earned", forced: true });
    expect(state.mode).toBe("auto");
    expect((await store.getScopeState(SCOPE)).mode).toBe("auto");
    const [entry] = await store.listAudit({ scope: SCOPE });
    expect(entry).toMatchObject({ kind: "mode_change", actor: "ops", payload: { from: "shadow", to: "auto", reason: "earned", forced: true } });
  });

  it("setting the mode a scope already has writes no audit entry", async () => {
    store = memoryStore();
    await store.setMode(SCOPE, "shadow", { actor: "ops" });
    expect(await store.listAudit()).toEqual([]);
  });

  it("an unknown mode is refused", async () => {
    store = memoryStore();
    await expect(store.setMode(SCOPE, "turbo" as "auto", { actor: "ops" })).rejects.toThrow(/mode/);
  });

  it("a breaker trip sends the scope to shadow, opens the breaker, bumps the epoch and is audited", async () => {
    store = memoryStore();
    await store.setMode(SCOPE, "auto", { actor: "ops" });
    const state = await store.tripBreaker(SCOPE, "rejected pass in window");
    expect(state).toMatchObject({ mode: "shadow", breaker: "open", breakerReason: "rejected pass in window", epoch: 1 });
    const [entry] = await store.listAudit({ scope: SCOPE, limit: 1 });
    expect(entry).toMatchObject({ kind: "breaker_trip", payload: { reason: "rejected pass in window", from: "auto", epoch: 1 } });
  });

  it("tripping an already open breaker changes nothing", async () => {
    store = memoryStore();
    await store.tripBreaker(SCOPE, "first");
    const again = await store.tripBreaker(SCOPE, "second");
    expect(again).toMatchObject({ epoch: 1, breakerReason: "first" });
    expect(await store.listAudit()).toHaveLength(1);
  });

  it("switching to auto closes the breaker but keeps the epoch", async () => {
    store = memoryStore();
    await store.tripBreaker(SCOPE, "drift");
    const state = await store.setMode(SCOPE, "auto", { actor: "ops", forced: true });
    expect(state).toMatchObject({ mode: "auto", breaker: "closed", breakerReason: null, epoch: 1 });
  });

  it("setting a policy stores it and audits policy_change with a bumped version; the same policy again is a no-op", async () => {
    store = memoryStore();
    expect((await store.setPolicy(SCOPE, POLICY, "ops")).policy).toEqual(POLICY);
    await store.setPolicy(SCOPE, POLICY, "ops");
    await store.setPolicy(SCOPE, null, "ops");
    const entries = (await store.listAudit({ scope: SCOPE })).reverse();
    expect(entries.map((e) => [e.kind, e.payload.policyVersion])).toEqual([
      ["policy_change", 1],
      ["policy_change", 2],
    ]);
    expect((await store.getScopeState(SCOPE)).policy).toBeNull();
  });

  it("the first provenance key is recorded silently; the same key again returns it as previous", async () => {
    store = memoryStore();
    expect((await store.setProvenanceKey(SCOPE, "pk-1")).previous).toBeNull();
    const again = await store.setProvenanceKey(SCOPE, "pk-1");
    expect(again).toMatchObject({ previous: "pk-1", state: { provenanceKey: "pk-1" } });
    expect(await store.listAudit()).toEqual([]);
  });

  it("a changed provenance key is audited and sends an auto scope back to shadow", async () => {
    store = memoryStore();
    await store.setProvenanceKey(SCOPE, "pk-1");
    await store.setMode(SCOPE, "auto", { actor: "ops", forced: true });
    const { previous, state } = await store.setProvenanceKey(SCOPE, "pk-2");
    expect(previous).toBe("pk-1");
    expect(state).toMatchObject({ mode: "shadow", provenanceKey: "pk-2" });
    const kinds = (await store.listAudit({ scope: SCOPE, limit: 2 })).map((e) => [e.kind, e.payload]);
    expect(kinds).toEqual([
      ["mode_change", { from: "auto", to: "shadow", reason: "provenance key changed", forced: false }],
      ["provenance_change", { from: "pk-1", to: "pk-2" }],
    ]);
  });
});

describe("kill switch", () => {
  it("is off by default, turns on and off, and each change is audited with its actor", async () => {
    store = memoryStore();
    expect(await store.getKillSwitch()).toBe(false);
    await store.setKillSwitch(true, "oncall");
    expect(await store.getKillSwitch()).toBe(true);
    await store.setKillSwitch(true, "oncall");
    await store.setKillSwitch(false, "oncall");
    expect(await store.getKillSwitch()).toBe(false);
    const entries = (await store.listAudit()).reverse();
    expect(entries.map((e) => [e.kind, e.actor, e.scope, e.payload.on])).toEqual([
      ["kill_switch", "oncall", null, true],
      ["kill_switch", "oncall", null, false],
    ]);
  });
});
