import type { CliIo } from "../../src/cli/io.js";
import { backfillDecision } from "../../src/decisions/backfill.js";
import { routeAndRecord, type AssessedDraft } from "../../src/decisions/route-verdict.js";
import { switchMode } from "../../src/decisions/modes.js";
import { SEED_FLIP_POLICY } from "../../src/stats/policy.js";
import { hashValue } from "../../src/hash.js";
import type { GateStore } from "../../src/store/types.js";
import type { DecisionType, Provenance, Verdict } from "../../src/types.js";

/** A CliIo that records what a command writes. */
export function recordingIo(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: {}, isTTY: false, cwd };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

/** A clock the fixture moves forward; pass `clock.now` as the store's `now`. */
export function movableClock(start = "2025-03-01T09:00:00.000Z") {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => void (current = Date.parse(iso)),
    advance: (ms: number) => void (current += ms),
  };
}

/** A provenance whose key is the hash of its versions, like the gate's. */
export function provenance(outcomePromptVersion = 1, judge = "gpt-4o-mini"): Provenance {
  const versions = {
    prompts: ["step-expectations@1", "trajectory@1", `outcome-compliance@${outcomePromptVersion}`],
    guardrailSetVersion: "guardrails@1",
    judgeModels: { step: judge, trajectory: judge, outcome: judge },
    packageVersion: "0.1.0",
    passThreshold: 0.8,
  };
  return { ...versions, provenanceKey: hashValue(versions).slice(0, 16) };
}

/** An assessed draft as the gate's evaluator would hand it to routing. */
export function assessed(id: string, passed: boolean, prov: Provenance = provenance()): AssessedDraft {
  return {
    draftHash: hashValue(id),
    levels: [{ level: "outcome", score: passed ? 0.9 : 0.5, reason: "fixture", violations: [], promptId: prov.prompts[2] ?? null, latencyMs: 5 }],
    composite: passed ? 0.9 : 0.5,
    passed,
    violations: [],
    unscored: [],
    rationale: "fixture",
    provenance: prov,
  };
}

/** Routes and stores one verdict at the clock's time. */
export function gateDraft(store: GateStore, scope: string, id: string, passed: boolean, at: Date, prov?: Provenance): Promise<Verdict> {
  return routeAndRecord(store, assessed(id, passed, prov), {
    id,
    scope,
    threadId: `t-${id}`,
    createdAt: at.toISOString(),
    killSwitch: false,
    escalation: [],
  });
}

/** A small deterministic PRNG, so fixtures are the same on every run. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Six weeks of one scope that earns auto, trips its breaker on a rejected pass, gets a new judge
 * prompt version, re-earns and flips again; plus a second scope that stays guidance-seeking. Returns the scopes.
 */
export async function seedHistory(store: GateStore, clock: ReturnType<typeof movableClock>): Promise<{ main: string; novice: string }> {
  const main = "outreach:first_touch";
  const novice = "billing:refund_reply";
  const random = prng(7);
  // The six weeks are scripted for the seed rule and its window breaker (one rejected pass trips
  // it), so that is the main scope's policy of record.
  await store.setPolicy(main, SEED_FLIP_POLICY, "ops");
  let prov = provenance(1);
  for (let day = 0; day < 42; day++) {
    const date = new Date(Date.parse("2025-03-01T09:00:00.000Z") + day * 86_400_000);
    clock.set(date.toISOString());
    if (day === 14) await switchMode(store, main, "auto", { actor: "ops", reason: "flip criterion met" });
    if (day === 32) prov = provenance(2);
    if (day === 41) await switchMode(store, main, "auto", { actor: "ops", reason: "re-earned under the new prompt" });
    for (let i = 0; i < 6; i++) {
      clock.advance(45 * 60_000);
      const id = `${main}-${day}-${i}`;
      const tripper = day === 26 && i === 0;
      // Drafts get better as the agent learns: the competence curve should rise.
      const passed = tripper || random() < 0.55 + 0.35 * Math.min(1, day / 20);
      const verdict = await gateDraft(store, main, id, passed, clock.now(), prov);
      // A rejected pass on day 26 trips the breaker; otherwise the human mostly agrees, and
      // disagrees with a pass by editing it (a rejected pass would veto the flip).
      const agree = random() < 0.9;
      const type: DecisionType = tripper
        ? "reject"
        : passed
          ? agree ? "approve" : "edit"
          : agree ? (random() < 0.5 ? "edit" : "reject") : "approve";
      if (!tripper && verdict.route === "auto" && random() < 0.7) continue;
      if (random() < 0.05) {
        await backfillDecision(store, id, { type: "skip", by: "ana" });
        continue;
      }
      await backfillDecision(store, id, { type, by: "ana", difficulty: [0.5, 1, 1, 1.5, 2][i % 5] });
    }
    if (day % 3 === 0) {
      const id = `${novice}-${day}`;
      const verdict = await gateDraft(store, novice, id, random() < 0.5, clock.now());
      await backfillDecision(store, verdict.id, { type: random() < 0.35 ? "approve" : "reject", by: "bo" });
    }
  }
  return { main, novice };
}
