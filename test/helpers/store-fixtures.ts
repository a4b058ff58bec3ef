import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateStore } from "../../src/store/create-gate-store.js";
import type { GateStore, GateStoreOptions } from "../../src/store/types.js";
import type { Verdict } from "../../src/types.js";

export const FIXED_NOW = new Date("2025-01-02T03:04:05.000Z");

/** A fresh in-memory store with a fixed clock. */
export function memoryStore(options: GateStoreOptions = {}): GateStore {
  return createGateStore({ url: ":memory:", now: () => FIXED_NOW, ...options });
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "autonomy-gate-store-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A complete verdict; ids, scope and outcome vary by overrides. */
export function makeVerdict(overrides: Partial<Verdict> = {}): Verdict {
  const id = overrides.id ?? "v-1";
  return {
    id,
    scope: "outreach:first_touch",
    threadId: "thread-1",
    draftHash: `draft-${id}`,
    levels: [
      { level: "step", score: 0.9, reason: "steps match", violations: [], promptId: "step@1", latencyMs: 12 },
      { level: "trajectory", score: 0.85, reason: "ordered", violations: [], promptId: "trajectory@1", latencyMs: 9, flags: { loop: false } },
      {
        level: "outcome",
        score: null,
        reason: "judge unavailable",
        violations: [{ code: "judge_unavailable", severity: "soft", level: "outcome" }],
        promptId: "outcome-compliance@1",
        latencyMs: 30,
      },
    ],
    composite: 0.875,
    passed: true,
    violations: [{ code: "judge_unavailable", severity: "soft", level: "outcome", detail: "timeout" }],
    unscored: ["outcome"],
    rationale: "2 of 3 levels scored",
    provenance: {
      prompts: ["step@1", "trajectory@1", "outcome-compliance@1"],
      guardrailSetVersion: "g1",
      judgeModels: { step: "m", trajectory: "m", outcome: "m" },
      packageVersion: "0.1.0",
      passThreshold: 0.8,
      provenanceKey: "pk-1",
    },
    mode: "shadow",
    route: "human",
    auditSampled: false,
    escalation: [],
    createdAt: "2025-01-01T00:00:00.000Z",
    ...overrides,
  };
}

/**
 * Puts `scope` in auto mode (forced) on the provenance key `makeVerdict` stamps, so auto-routed
 * fixture verdicts are stored as routed: the store lowers an auto route that no longer holds.
 */
export async function openForAuto(store: GateStore, scope = makeVerdict().scope): Promise<void> {
  await store.setProvenanceKey(scope, makeVerdict().provenance.provenanceKey);
  await store.setMode(scope, "auto", { actor: "test", forced: true });
}
