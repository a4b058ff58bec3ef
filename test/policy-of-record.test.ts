import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ScriptedJudge } from "../graphs/scripted-judge.js";
import { runCli } from "../src/cli/run-cli.js";
import { switchMode } from "../src/decisions/modes.js";
import { computeStatus } from "../src/decisions/status.js";
import { createGate } from "../src/gate/create-gate.js";
import type { GateOptions } from "../src/gate/options.js";
import { resolvePolicy } from "../src/stats/policy.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import type { GateInput } from "../src/types.js";
import { captureIo } from "./helpers/evals-io.js";

const SCOPE = "outreach:first_touch";
let dir: string;
let url: string;
let store: GateStore | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "autonomy-gate-record-"));
  url = `file:${join(dir, "gate.db")}`;
});
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const draft = (i: number): GateInput => ({
  goal: "Book a call",
  steps: [{ name: "research", output: { company: "Acme" } }],
  draft: `Hi Ana, note number ${i} about the Series B. Call next week?`,
  evidence: { company: "Acme" },
  scope: SCOPE,
});

function gateOn(s: GateStore, extra: Partial<GateOptions> = {}, judgeId = "judge-a") {
  return createGate({ judge: new ScriptedJudge(() => ({ reasoning: "Fine.", score: 0.9 }), judgeId), store: s, ...extra });
}

async function decideMany(gate: ReturnType<typeof gateOn>, from: number, count: number, type: "approve" | "edit") {
  for (let i = from; i < from + count; i++) {
    const verdict = await gate.evaluate(draft(i), { threadId: `t-${i}` });
    await gate.decide(verdict.id, { type });
  }
}

async function cli(...argv: string[]) {
  const capture = captureIo();
  const code = await runCli([...argv, "--db", url], capture.io);
  return { code, out: capture.stdout(), err: capture.stderr() };
}

describe("one policy of record for a scope", () => {
  it("a strict gate and the CLI's status and mode agree that 45/50 is not eligible", async () => {
    store = createGateStore({ url });
    const gate = gateOn(store, { policy: { preset: "strict" } });
    await decideMany(gate, 0, 45, "approve");
    await decideMany(gate, 45, 5, "edit");
    const next = await gate.evaluate(draft(99), { threadId: "t-99" });
    expect(next.eligibility).toMatchObject({ eligible: false, n: 50 });
    expect(next.eligibility?.reasons.join()).toMatch(/Wilson lower bound 0\.79 < 0\.80/);
    expect((await store.listAudit({ scope: SCOPE, limit: 10_000 })).filter((e) => e.kind === "policy_change")).toEqual([
      expect.objectContaining({ actor: "gate", payload: expect.objectContaining({ policyVersion: 1 }) }),
    ]);
    store.close();
    store = undefined;

    const status = JSON.parse((await cli("status", "--json")).out) as { scopes: Array<Record<string, any>> };
    expect(status.scopes[0]).toMatchObject({ eligible: false, n: 50, policy: { preset: "strict" }, policyVersion: 1 });
    const mode = await cli("mode", SCOPE, "auto");
    expect(mode.code).toBe(1);
    expect(mode.err).toMatch(/Wilson lower bound 0\.79 < 0\.80/);
  });

  it("switchMode and computeStatus judge on the policy of record, and say so when given another", async () => {
    store = createGateStore({ url: ":memory:" });
    const gate = gateOn(store, { policy: { preset: "strict" } });
    await decideMany(gate, 0, 45, "approve");
    await decideMany(gate, 45, 5, "edit");
    const seed = resolvePolicy({ preset: "default" });
    const [asked] = await computeStatus(store, { scope: SCOPE, gatePolicy: seed });
    expect(asked).toMatchObject({ eligible: false, policy: { preset: "strict" } });
    expect(asked?.policyConflict).toMatch(/the policy given \(default\) differs from scope "outreach:first_touch"'s policy of record \(strict\)/);
    await expect(switchMode(store, SCOPE, "auto", { actor: "ops", gatePolicy: seed })).rejects.toThrow(/policy of record/);
    await expect(switchMode(store, SCOPE, "auto", { actor: "ops" })).rejects.toThrow(/Wilson lower bound 0\.79/);
  });
});

describe("revived evidence (A → B → A)", () => {
  it("returning to an earlier configuration is audited and auto needs 10 fresh agreeing decisions", async () => {
    store = createGateStore({ url: ":memory:" });
    const a = gateOn(store);
    await decideMany(a, 0, 40, "approve");
    expect((await computeStatus(store, { scope: SCOPE }))[0]?.eligible).toBe(true);

    await gateOn(store, {}, "judge-b").evaluate(draft(500), { threadId: "t-500" });
    const back = await a.evaluate(draft(501), { threadId: "t-501" });
    expect(back.eligibility).toMatchObject({ eligible: false, n: 40 });
    expect(back.eligibility?.reasons).toEqual([
      "evidence revived (the scope returned to an earlier configuration): 0 of 10 fresh agreeing decisions needed before auto",
    ]);
    expect((await store.listAudit({ scope: SCOPE })).map((e) => e.kind)).toContain("evidence_revived");
    await expect(switchMode(store, SCOPE, "auto", { actor: "ops" })).rejects.toThrow(/evidence revived/);

    await a.decide(back.id, { type: "approve" });
    await decideMany(a, 502, 8, "approve");
    await expect(switchMode(store, SCOPE, "auto", { actor: "ops" })).rejects.toThrow(/9 of 10 fresh agreeing decisions/);
    await decideMany(a, 510, 1, "approve");
    expect((await switchMode(store, SCOPE, "auto", { actor: "ops" })).mode).toBe("auto");
  });

  it("new evidence under a key never seen before is not a revival", async () => {
    store = createGateStore({ url: ":memory:" });
    await gateOn(store).evaluate(draft(0), { threadId: "t-0" });
    await gateOn(store, {}, "judge-b").evaluate(draft(1), { threadId: "t-1" });
    expect((await store.getScopeState(SCOPE)).revivedAgree).toBeNull();
    expect((await store.listAudit({ scope: SCOPE })).map((e) => e.kind)).not.toContain("evidence_revived");
  });
});
