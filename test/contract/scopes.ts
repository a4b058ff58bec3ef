/** The contract's scope half: mode, breaker, policy, provenance key, kill switch, and the audit log. */
import { expect, it } from "vitest";
import { resolvePolicy } from "../../src/stats/policy.js";
import { makeVerdict } from "../helpers/store-fixtures.js";
import type { Harness } from "./harness.js";

const SCOPE = "outreach:first_touch";

export function scopeContract(h: Harness): void {
  it("a scope never written reads as shadow, breaker closed, epoch 0, and is not listed", async () => {
    const store = h.open();
    expect(await store.getScopeState("fresh")).toMatchObject({ scope: "fresh", mode: "shadow", breaker: "closed", epoch: 0, policy: null });
    expect(await store.listScopes()).toEqual([]);
  });

  it("switching to auto closes an open breaker, and re-applying a mode writes nothing", async () => {
    const store = h.open();
    await store.tripBreaker(SCOPE, "drift");
    expect(await store.getScopeState(SCOPE)).toMatchObject({ breaker: "open", breakerReason: "drift", epoch: 1 });
    await store.tripBreaker(SCOPE, "again");
    expect((await store.getScopeState(SCOPE)).epoch).toBe(1);
    await store.setMode(SCOPE, "auto", { actor: "op", forced: true });
    await store.setMode(SCOPE, "auto", { actor: "op" });
    expect(await store.getScopeState(SCOPE)).toMatchObject({ mode: "auto", breaker: "closed" });
    expect((await store.listAudit()).map((e) => e.kind)).toEqual(["mode_change", "breaker_trip"]);
  });

  it("a policy override bumps the policy version and is listed among the versions", async () => {
    const store = h.open();
    const policy = resolvePolicy({ minDecided: 40, minAgreement: 0.9 });
    await store.setPolicy(SCOPE, policy, "op");
    await store.setPolicy(SCOPE, policy, "op");
    expect(await store.getPolicyVersion(SCOPE)).toBe(1);
    expect((await store.getScopeState(SCOPE)).policy).toEqual(policy);
    expect((await store.listPolicyVersions(SCOPE)).map((v) => v.version)).toEqual([0, 1]);
  });

  it("a changed provenance key sends an auto scope back to shadow and returns the previous key", async () => {
    const store = h.open();
    expect((await store.setProvenanceKey(SCOPE, "pk-1")).previous).toBeNull();
    await store.setMode(SCOPE, "auto", { actor: "op", forced: true });
    const changed = await store.setProvenanceKey(SCOPE, "pk-2");
    expect(changed.previous).toBe("pk-1");
    expect(changed.state).toMatchObject({ mode: "shadow", provenanceKey: "pk-2" });
    expect((await store.listAudit({ scope: SCOPE })).map((e) => e.kind)).toEqual(["mode_change", "provenance_change", "mode_change"]);
  });

  it("lists scopes in name order", async () => {
    const store = h.open();
    for (const scope of ["b:two", "a:one", "c:three"]) await store.saveVerdict(makeVerdict({ id: scope, scope }));
    expect((await store.listScopes()).map((s) => s.scope)).toEqual(["a:one", "b:two", "c:three"]);
  });

  it("the kill switch is written and audited only when it changes", async () => {
    const store = h.open();
    expect(await store.getKillSwitch()).toBe(false);
    await store.setKillSwitch(true, "op");
    await store.setKillSwitch(true, "op");
    await store.setKillSwitch(false, "op");
    expect((await store.listAudit()).map((e) => [e.kind, e.payload])).toEqual([
      ["kill_switch", { on: false }],
      ["kill_switch", { on: true }],
    ]);
  });

  it("the audit log chains every entry to the one before and verifies, counters included", async () => {
    const store = h.open();
    await store.appendAudit({ kind: "note", actor: "me", payload: { nested: { b: 2, a: [1, 0.5, "x"] } } });
    await store.saveVerdict(makeVerdict({ id: "c-1" }));
    await store.recordDecision("c-1", { type: "approve", by: "reviewer" });
    const entries = await store.listAudit();
    expect(entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(entries[0]?.prevHash).toBe(entries[1]?.hash);
    expect(entries[2]?.payload).toEqual({ nested: { b: 2, a: [1, 0.5, "x"] } });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, checked: 3 });
  });

  it("audit verify names a verdict row edited behind the store's back", async () => {
    const store = h.open();
    if (h.backend.name.includes(":memory:")) return; // only its store reaches a memory database
    await store.saveVerdict(makeVerdict({ id: "t-1" }));
    await h.backend.raw(store, "update verdicts set rationale = 'edited' where id = 't-1'");
    const result = await store.verifyAudit();
    expect(result.ok).toBe(false);
    expect(result.rowMismatches).toEqual([expect.objectContaining({ verdictId: "t-1", problem: expect.stringContaining("edited") })]);
  });

  it("audit verify sees counters that no longer match the decision rows", async () => {
    const store = h.open();
    if (h.backend.name.includes(":memory:")) return;
    await store.saveVerdict(makeVerdict({ id: "m-1" }));
    await store.recordDecision("m-1", { type: "approve" });
    await h.backend.raw(store, "update agreement_counters set pass_approve = 5");
    const result = await store.verifyAudit();
    expect(result.counterMismatches?.[0]?.differences).toEqual(["passApprove is 5 but the decision rows give 1"]);
  });
}
