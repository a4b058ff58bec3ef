import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { statusCommand } from "../src/cli/commands/status.js";
import { buildEscalationPackage, escalationIdFor } from "../src/escalation/package.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { Decision, Route, Verdict } from "../src/types.js";
import { recordingIo, supportInput } from "./helpers/escalation-fixtures.js";
import { FIXED_NOW, makeVerdict, openForAuto, tempDir } from "./helpers/store-fixtures.js";

const SCOPE = "support:reply";
const at = "2025-01-03T00:00:00.000Z";

/**
 * The fixture, by hand: 12 verdicts in support:reply —
 *   3 escalated  → escalation rate 3/12 = 0.25
 *   5 auto: audited approve, reject, edit, skip, and one never audited
 *     → decided 3 (skip counts nowhere), wrong 2 (reject, edit) → missed-escalation rate 2/3
 *   4 human (decisions there do not enter the escalation KPIs)
 * Escalations: e1 resolved appropriate+sufficient, e2 resolved not appropriate but sufficient, e3 open
 *   → appropriateness 1/2 = 0.5, handoff sufficiency 2/2 = 1
 * And billing:refund: one human verdict, nothing else → rate 0, the rest unknown (null).
 */
async function buildFixture(url: string) {
  const store = createGateStore({ url, now: () => FIXED_NOW });
  await openForAuto(store, SCOPE);
  const save = (id: string, route: Route, decision?: Decision["type"], scope = SCOPE) =>
    store.saveVerdict(
      makeVerdict({
        id,
        scope,
        route,
        mode: route === "auto" ? "auto" : "shadow",
        escalation: route === "escalate" ? ["sensitive"] : [],
        ...(decision ? { decision: { type: decision, at, by: "audit" } } : {}),
      }),
    );
  const escalated: Verdict[] = [];
  for (const id of ["e1", "e2", "e3"]) escalated.push((await save(id, "escalate")).verdict);
  await save("a1", "auto", "approve");
  await save("a2", "auto", "reject");
  await save("a3", "auto", "edit");
  await save("a4", "auto", "skip");
  await save("a5", "auto");
  await save("h1", "human", "approve");
  await save("h2", "human", "reject");
  await save("h3", "human", "edit");
  await save("h4", "human");
  await save("b1", "human", undefined, "billing:refund");
  for (const verdict of escalated) {
    await store.saveEscalation({
      id: escalationIdFor(verdict.id),
      verdictId: verdict.id,
      scope: SCOPE,
      threadId: verdict.threadId,
      queue: "support",
      priority: "normal",
      codes: ["sensitive"],
      package: buildEscalationPackage({ verdict, input: supportInput(), history: [], triggers: [{ code: "sensitive", reason: "r" }] }),
    });
  }
  const resolve = (id: string, appropriate: boolean, sufficient: boolean) =>
    store.resolveEscalation(escalationIdFor(id), { resolution: "resolved_by_human", appropriate, sufficient });
  await resolve("e1", true, true);
  await resolve("e2", false, true);
  store.close();
}

describe("escalation KPIs in status --json", () => {
  let dir: { dir: string; cleanup: () => void };
  let url: string;
  beforeEach(async () => {
    dir = tempDir();
    url = `file:${join(dir.dir, "kpis.db")}`;
    await buildFixture(url);
  });
  afterEach(() => dir.cleanup());

  it("match the hand-computed values per scope", async () => {
    const { io, stdout } = recordingIo();
    expect(await statusCommand.run(["--json", "--db", url], io)).toBe(0);
    const scopes = (JSON.parse(stdout()) as { scopes: Array<Record<string, unknown>> }).scopes;
    const support = scopes.find((s) => s.scope === SCOPE);
    const billing = scopes.find((s) => s.scope === "billing:refund");
    expect(support).toMatchObject({
      escalationRate: 0.25,
      escalationAppropriateness: 0.5,
      missedEscalationRate: 2 / 3,
      handoffSufficiency: 1,
      escalations: { verdicts: 12, escalated: 3, escalations: 3, open: 1, resolved: 2, appropriate: 1, sufficient: 2, autoDecided: 3, autoWrong: 2 },
    });
    expect(billing).toMatchObject({ escalationRate: 0, escalationAppropriateness: null, missedEscalationRate: null, handoffSufficiency: null });
  });

  it("shows the four KPIs as columns of the status table", async () => {
    const { io, stdout } = recordingIo();
    await statusCommand.run(["--scope", SCOPE, "--db", url], io);
    const lines = stdout().split("\n");
    const header = lines.findIndex((line) => /escalate\s+esc-approp\s+missed-esc\s+handoff/.test(line));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 2]).toMatch(/0\.25\s+0\.50\s+0\.67\s+1\.00/);
  });
});
