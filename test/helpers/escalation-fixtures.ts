import type { CliIo } from "../../src/cli/io.js";
import type { TriggerContext } from "../../src/escalation/triggers.js";
import type { GateInput, Level, LevelFlags, LevelResult } from "../../src/types.js";

/** One level result, scored unless `score` is null. */
export function level(name: Level, score: number | null, extras: { flags?: LevelFlags; violations?: LevelResult["violations"] } = {}): LevelResult {
  return {
    level: name,
    score,
    reason: score === null ? "unscored" : "judged",
    violations: extras.violations ?? [],
    promptId: score === null ? null : `${name}@1`,
    latencyMs: 1,
    ...(extras.flags ? { flags: extras.flags } : {}),
  };
}

/** A support ticket run: classify, look up the account, draft a reply. */
export function supportInput(overrides: Partial<GateInput> = {}): GateInput {
  return {
    goal: "Answer ticket T-1 from Ada Moreau about a double charge.",
    steps: [
      { name: "classify", output: "billing" },
      { name: "lookup_account", output: { plan: "pro", tier: "standard" } },
      { name: "draft_reply", output: { words: 40 } },
    ],
    draft: {
      text: "Hi Ada, sorry about the double charge. I have refunded the duplicate payment; it shows within 5 days.",
      args: { refund: { amount: 29 } },
    },
    evidence: { ticket: "I was charged twice for my subscription this month.", account: { tier: "standard" } },
    scope: "support:reply",
    ...overrides,
  };
}

/** A trigger context for a clean, passing draft with no thread history. */
export function triggerCtx(overrides: Partial<TriggerContext> = {}): TriggerContext {
  return {
    input: supportInput(),
    levels: [level("step", 0.9), level("trajectory", 0.9), level("outcome", 0.9)],
    composite: 0.9,
    passed: true,
    history: [],
    currentVerdictId: "v-now",
    ...overrides,
  };
}

/** Earlier verdicts of the thread, newest first, from a list of passed flags. */
export function history(...passed: boolean[]): Array<{ id: string; passed: boolean }> {
  return passed.map((p, i) => ({ id: `v-${i}`, passed: p }));
}

/** A CliIo that records what a command writes. */
export function recordingIo(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env, isTTY: false, cwd: process.cwd() };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
