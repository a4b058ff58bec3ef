import { routeAndRecord } from "../../src/decisions/route-verdict.js";
import { escalationIdFor } from "../../src/escalation/package.js";
import type { GateStore } from "../../src/store/types.js";
import type { Verdict } from "../../src/types.js";
import { assessed, gateDraft, movableClock, provenance, seedHistory } from "./competence-fixtures.js";

export const HOSTILE_DRAFT = `Hi <script>document.title="owned"</script><img src=x onerror="alert(1)"> & thanks`;

/**
 * The console's demo database: the six-week history of seedHistory (a scope in auto that tripped
 * and re-earned, a novice scope), then today's work: two failing drafts waiting for a reviewer, one
 * escalated draft whose (redacted) package holds a hostile draft text, and executed
 * auto-approvals waiting for the post-hoc audit.
 */
export async function seedConsoleDemo(store: GateStore, clock = movableClock()): Promise<{ main: string; novice: string; pending: Verdict[]; escalated: Verdict; auto: Verdict[] }> {
  const { main, novice } = await seedHistory(store, clock);
  clock.set("2025-04-12T09:00:00.000Z");
  const pending: Verdict[] = [];
  const auto: Verdict[] = [];
  for (let i = 0; i < 4; i++) {
    clock.advance(10 * 60_000);
    const v = await gateDraft(store, main, `${main}-today-${i}`, i >= 2, clock.now(), provenance(2));
    (v.route === "auto" ? auto : pending).push(v);
  }
  clock.advance(10 * 60_000);
  const escalated = await routeAndRecord(store, assessed("esc-1", false, provenance(2)), {
    id: "esc-1",
    scope: main,
    threadId: "t-esc-1",
    createdAt: clock.now().toISOString(),
    killSwitch: false,
    escalation: ["ambiguity"],
  });
  await store.saveEscalation({
    id: escalationIdFor(escalated.id),
    verdictId: escalated.id,
    scope: main,
    threadId: escalated.threadId,
    queue: "sales-leads",
    priority: "normal",
    codes: ["ambiguity"],
    package: {
      escalationId: escalationIdFor(escalated.id),
      scope: main,
      threadId: escalated.threadId,
      goal: "Book a first call with the prospect",
      attempts: [],
      steps: [{ name: "research", output: "two matching case studies" }],
      bestGuess: { text: HOSTILE_DRAFT, args: { to: "<b>ceo@example.com</b>" } },
      triggers: [{ code: "ambiguity", reason: "the judge found the ask <ambiguous>" }],
      verdict: {
        verdictId: escalated.id,
        passed: escalated.passed,
        composite: escalated.composite,
        levels: escalated.levels.map((l) => ({ level: l.level, score: l.score, reason: l.reason })),
        violations: escalated.violations,
        unscored: escalated.unscored,
        rationale: escalated.rationale,
        mode: escalated.mode,
      },
    },
  });
  return { main, novice, pending, escalated, auto };
}
