import { performance } from "node:perf_hooks";
import { z } from "zod";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { GateConfigError } from "../src/errors.js";
import { createGate } from "../src/gate/create-gate.js";
import { JUDGE_MODES, type JudgeMode } from "../src/gate/judge-mode.js";
import { decideRoute, type RouteContext } from "../src/decisions/decide-route.js";
import { LEVELS, type Level } from "../src/types.js";
import { compareGolden, type GoldenDifference, type GoldenObservation } from "./compare.js";
import { mapWithConcurrency } from "./concurrency.js";
import type { GoldenCase, GoldenExpected } from "./golden-schema.js";
import type { GoldenSuite, LoadedGolden } from "./load-goldens.js";
import { CombinedScriptedJudgeModel, scriptedJudges } from "./scripted-judge.js";

/** Options of {@link runGoldens}. */
export interface RunGoldensOptions {
  /**
   * Cases in flight at once (across suites). Keep it low against a live judge's rate limits.
   * @default 4
   */
  concurrency?: number;
  /**
   * A live judge for every level. When set, the goldens' scripted replies are ignored and their
   * `judgeCalls` expectations are not checked.
   * @default undefined (scripted replies)
   */
  judge?: BaseChatModel;
  /**
   * How the gate asks its judges (see `GateOptions.judgeMode`). In `"combined"` mode the scripted
   * replies of each case are derived from its per-level script, and `judgeCalls` expectations are
   * read as "one combined call (two with a retry) where per-level mode makes any".
   * @default "per-level"
   */
  judgeMode?: JudgeMode;
  /**
   * Called as each case finishes (for progress output), with the count done and the total.
   * @default undefined
   */
  onResult?: (result: GoldenResult, done: number, total: number) => void;
}

/** How one golden fared. `ok` ⇔ no differences and no error. */
export interface GoldenResult {
  suite: string;
  id: string;
  description: string;
  file: string;
  line?: number;
  ok: boolean;
  differences: GoldenDifference[];
  expected: GoldenExpected;
  /** Null when running the case threw (then `error` says why). */
  got: GoldenObservation | null;
  error?: string;
  durationMs: number;
}

export interface SuiteResult {
  name: string;
  results: GoldenResult[];
  passed: number;
  total: number;
  passRate: number;
  durationMs: number;
}

export interface GoldenRunReport {
  suites: SuiteResult[];
  passed: number;
  total: number;
  passRate: number;
  /** True when a live judge replaced the scripted replies. */
  live: boolean;
}

const optionsSchema = z.object({
  concurrency: z.number().int().min(1).max(256).optional(),
  judge: z.custom<BaseChatModel>((m) => typeof (m as { invoke?: unknown } | null)?.invoke === "function").optional(),
  judgeMode: z.enum(JUDGE_MODES).optional(),
  onResult: z.custom<RunGoldensOptions["onResult"]>((f) => typeof f === "function").optional(),
});

/** Runs loaded golden suites through the gate and compares each verdict with its expectation. */
export async function runGoldens(suites: GoldenSuite[], options: RunGoldensOptions = {}): Promise<GoldenRunReport> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "options");
    const expected = key === "concurrency" ? "an integer from 1 to 256" : key === "judgeMode" ? `one of ${JUDGE_MODES.map((m) => `"${m}"`).join(", ")}` : "a valid value";
    throw new GateConfigError(key, (options as Record<string, unknown>)[key], expected);
  }
  const jobs = suites.flatMap((suite) => suite.cases.map((loaded) => ({ suite: suite.name, loaded })));
  let done = 0;
  const results = await mapWithConcurrency(jobs, options.concurrency ?? 4, async ({ suite, loaded }) => {
    const result = await runCase(suite, loaded, options);
    options.onResult?.(result, ++done, jobs.length);
    return result;
  });

  const suiteResults = suites.map((suite) => summarise(suite.name, results.filter((r) => r.suite === suite.name)));
  const passed = results.filter((r) => r.ok).length;
  return { suites: suiteResults, passed, total: results.length, passRate: rate(passed, results.length), live: options.judge !== undefined };
}

/** The bar holds when every suite's pass rate reaches it. */
export function meetsBar(report: GoldenRunReport, bar: number): boolean {
  return report.suites.every((s) => s.passRate >= bar);
}

async function runCase(suite: string, loaded: LoadedGolden, options: RunGoldensOptions): Promise<GoldenResult> {
  const { golden } = loaded;
  const base = { suite, id: golden.id, description: golden.description, file: loaded.file, line: loaded.line, expected: golden.expected };
  const started = performance.now();
  try {
    const got = await observe(golden, options);
    const differences = compareGolden(golden.expected, got);
    return { ...base, ok: differences.length === 0, differences, got, durationMs: performance.now() - started };
  } catch (error: unknown) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, ok: false, differences: [{ field: "error", expected: "a verdict", got: message }], got: null, error: message, durationMs: performance.now() - started };
  }
}

async function observe(golden: GoldenCase, options: RunGoldensOptions): Promise<GoldenObservation> {
  const combined = options.judgeMode === "combined";
  const scripted = options.judge || combined ? undefined : scriptedJudges(golden.judge);
  const scriptedCombined = !options.judge && combined ? new CombinedScriptedJudgeModel(golden.judge) : undefined;
  const killSwitch = golden.gate?.killSwitch ?? false;
  const gate = createGate({
    judge: scripted ?? scriptedCombined ?? options.judge,
    judgeMode: options.judgeMode ?? "per-level",
    ...(golden.gate?.levels && { levels: golden.gate.levels }),
    ...(golden.gate?.passThreshold !== undefined && { passThreshold: golden.gate.passThreshold }),
    ...(golden.gate?.maxDraftChars !== undefined && { guardrails: { maxDraftChars: golden.gate.maxDraftChars } }),
  });
  const assessment = await gate.assess(golden.input, { killSwitch });

  const scores: Partial<Record<Level, number | null>> = {};
  for (const level of assessment.levels) scores[level.level] = level.score;
  const observation: GoldenObservation = { passed: assessment.passed, composite: assessment.composite, scores, violations: assessment.violations };
  if (golden.expected.route) {
    const { mode, context } = golden.expected.route;
    const ctx: RouteContext = { mode, eligible: true, breaker: "closed", killSwitch, auditSampled: false, escalation: [], ...context };
    observation.route = decideRoute(assessment, ctx).route;
  }
  if (scripted) observation.judgeCalls = Object.fromEntries(LEVELS.map((l) => [l, scripted[l].calls])) as Record<Level, number>;
  if (scriptedCombined) observation.combinedCalls = scriptedCombined.calls;
  return observation;
}

function summarise(name: string, results: GoldenResult[]): SuiteResult {
  const passed = results.filter((r) => r.ok).length;
  const durationMs = results.reduce((sum, r) => sum + r.durationMs, 0);
  return { name, results, passed, total: results.length, passRate: rate(passed, results.length), durationMs };
}

function rate(passed: number, total: number): number {
  return total === 0 ? 0 : passed / total;
}
