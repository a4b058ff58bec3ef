/** The contract's records half: competence, ceilings, escalations, the post-hoc audit, history reads. */
import { expect, it } from "vitest";
import { makeVerdict, openForAuto } from "../helpers/store-fixtures.js";
import type { Harness } from "./harness.js";

const SCOPE = "outreach:first_touch";
const COMPETENCE = { alpha: 0.1, beta: 0.3, initial: 0.5 };

function escalation(id: string, verdictId: string) {
  return {
    id,
    verdictId,
    scope: SCOPE,
    threadId: "thread-1",
    queue: "owners",
    priority: "normal" as const,
    codes: ["ambiguity" as const],
    package: {
      escalationId: id, scope: SCOPE, threadId: "thread-1", goal: "g", attempts: [], steps: [], bestGuess: { text: "draft" },
      triggers: [{ code: "ambiguity" as const, reason: "unclear" }],
      verdict: { verdictId, passed: false, composite: 0.4, levels: [], violations: [], unscored: [], rationale: "r", mode: "shadow" as const },
    },
  };
}

export function recordContract(h: Harness): void {
  it("the competence ledger counts a verdict's decision once and revises it when the decision changes", async () => {
    const store = h.open();
    const first = await store.recordCompetence({ scope: SCOPE, verdictId: "v-1", decision: "approve" }, COMPETENCE);
    const again = await store.recordCompetence({ scope: SCOPE, verdictId: "v-1", decision: "approve" }, COMPETENCE);
    expect(first.entry).not.toBeNull();
    expect(again).toEqual({ entry: null, strength: first.strength });
    await store.recordCompetence({ scope: SCOPE, verdictId: "v-1", decision: "reject" }, COMPETENCE);
    expect((await store.competenceHistory(SCOPE)).map((e) => e.decision)).toEqual(["approve", "reject"]);
    expect((await store.getCompetence(SCOPE))?.updates).toBe(2);
  });

  it("a ceiling below auto sends an auto scope to shadow; clearing it leaves the scope uncapped", async () => {
    const store = h.open();
    await store.setMode(SCOPE, "auto", { actor: "op", forced: true });
    const capped = await store.setCeiling(SCOPE, "L2", "op");
    expect(capped.mode).toBe("shadow");
    expect(await store.getCeiling(SCOPE)).toBe("L2");
    await store.setCeiling(SCOPE, null, "op");
    expect(await store.getCeiling(SCOPE)).toBeNull();
  });

  it("an escalation is stored once per id, resolved once per resolution, and counted in the KPIs", async () => {
    const store = h.open();
    await store.saveVerdict(makeVerdict({ id: "e-v", route: "escalate", passed: false, escalation: ["ambiguity"] }));
    expect((await store.saveEscalation(escalation("e-1", "e-v"))).inserted).toBe(true);
    expect((await store.saveEscalation(escalation("e-1", "e-v"))).inserted).toBe(false);
    expect((await store.listEscalations({ open: true })).map((e) => e.id)).toEqual(["e-1"]);
    const input = { resolution: "resolved_by_human" as const, appropriate: true, sufficient: false, by: "owner" };
    expect((await store.resolveEscalation("e-1", input)).changed).toBe(true);
    expect((await store.resolveEscalation("e-1", input)).changed).toBe(false);
    expect(await store.escalationStats(SCOPE)).toMatchObject({ verdicts: 1, escalated: 1, escalations: 1, open: 0, resolved: 1, appropriate: 1, sufficient: 0 });
    expect((await store.escalationTrend(SCOPE)).all).toEqual({ verdicts: 1, escalated: 1, byTrigger: { ambiguity: 1 } });
  });

  it("a sampled auto verdict waits in the post-hoc queue until reviewed, and a wrong finding counts", async () => {
    const store = h.open();
    await openForAuto(store);
    await store.saveVerdict(makeVerdict({ id: "p-1", mode: "auto", route: "auto", postHocSampled: true }));
    await store.saveVerdict(makeVerdict({ id: "p-2", mode: "auto", route: "auto" }));
    expect((await store.postHocQueue()).map((v) => v.id)).toEqual(["p-1"]);
    const { changed } = await store.recordPostHocReview("p-1", { finding: "wrong", by: "auditor" });
    expect(changed).toBe(true);
    expect(await store.postHocQueue()).toEqual([]);
    expect(await store.getPostHocReview("p-1")).toMatchObject({ finding: "wrong", by: "auditor" });
    expect(await store.postHocStats(SCOPE)).toMatchObject({ queued: 0, reviewed: 1, wrong: 1, autoJudged: 1, autoWrong: 1 });
    await expect(store.recordPostHocReview("nope", { finding: "ok" })).rejects.toThrow(/nope/);
  });

  it("history reads: the decision timeline, daily activity, the evidence period and agreement by policy version", async () => {
    const store = h.open();
    const days = ["2025-01-01", "2025-01-02", "2025-01-02"];
    for (const [i, day] of days.entries()) {
      await store.saveVerdict(makeVerdict({ id: `h-${i}`, passed: i !== 1, createdAt: `${day}T08:00:0${i}.000Z` }));
      await store.recordDecision(`h-${i}`, { type: i === 1 ? "reject" : "approve", at: `${day}T09:00:0${i}.000Z` });
    }
    expect((await store.decisionTimeline(SCOPE)).map((r) => [r.verdictId, r.decision])).toEqual([
      ["h-0", "approve"],
      ["h-1", "reject"],
      ["h-2", "approve"],
    ]);
    const daily = await store.dailyActivity(SCOPE);
    expect(daily.map((d) => [d.day, d.routes.human, d.decisions.approve])).toEqual([
      ["2025-01-01", 1, 1],
      ["2025-01-02", 2, 1],
    ]);
    expect(await store.evidencePeriod(SCOPE, "pk-1", 0)).toEqual({ from: "2025-01-01T09:00:00.000Z", to: "2025-01-02T09:00:02.000Z" });
    const [byVersion] = await store.agreementByPolicyVersion(SCOPE);
    expect(byVersion).toEqual({ policyVersion: 0, counts: { passApprove: 2, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 1 } });
  });

  it("calibration records carry each decided verdict's composite, levels and decision, newest decision first", async () => {
    const store = h.open();
    await store.saveVerdict(makeVerdict({ id: "cal-1", composite: 0.9 }));
    await store.saveVerdict(makeVerdict({ id: "cal-2", composite: 0.3, passed: false }));
    await store.recordDecision("cal-1", { type: "approve", at: "2025-01-01T00:00:01.000Z" });
    await store.recordDecision("cal-2", { type: "reject", at: "2025-01-01T00:00:02.000Z" });
    const records = await store.calibrationRecords(SCOPE);
    expect(records.map((r) => [r.composite, r.decision, r.levels.length])).toEqual([
      [0.3, "reject", 2],
      [0.9, "approve", 2],
    ]);
    expect((await store.listVerdictsBy({ scope: SCOPE, undecided: true })).length).toBe(0);
  });

  it("the outbox is empty and nothing is pending when the database answers", async () => {
    const store = h.open();
    await store.saveVerdict(makeVerdict({ id: "o-1" }));
    expect((await store.outboxStatus()).depth).toBe(0);
    expect(await store.drainOutbox()).toBe(0);
  });
}
