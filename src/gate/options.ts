import { z } from "zod";
import { GateConfigError } from "../errors.js";
import { FIXED_SEVERITY_CODES } from "../evaluation/codes.js";
import { BUILTIN_GUARDRAIL_CODES, type BuiltinGuardrailCode, type Guardrail, type GuardrailSetConfig } from "../evaluation/guardrails/index.js";
import { isJudgeModel, type JudgeModel } from "../evaluation/judge/model.js";
import { resolveCompetence, type CompetenceConfig, type CompetenceOptions } from "../competence/options.js";
import type { EscalationTriggerOptions } from "../escalation/trigger-options.js";
import { createEscalationTriggers, type EscalationTriggers } from "../escalation/triggers.js";
import { resolvePolicy } from "../stats/policy.js";
import { missingStoreMethods } from "../store/contract.js";
import { isPlainObject } from "../validation/plain.js";
import type { FlipPolicy, GateStore } from "../store/types.js";
import { LEVELS, type AgentSpec, type Level, type Severity } from "../types.js";
import { resolveAgentSpec } from "./agent-spec.js";
import { checkOneJudge, JUDGE_MODES, type JudgeMode } from "./judge-mode.js";

/** One judge per level; a level without its own judge uses `default`. */
export interface GateJudges {
  /** Judge for every level not named below. */
  default?: JudgeModel;
  step?: JudgeModel;
  trajectory?: JudgeModel;
  outcome?: JudgeModel;
}

/** Options of the deterministic guardrails on the outcome level. */
export interface GuardrailOptions {
  /** Longest draft text, in characters, before `oversized_draft`. @default 5000 */
  maxDraftChars?: number;
  /** Built-in guardrails to switch off, by code. @default [] */
  disable?: BuiltinGuardrailCode[];
  /** Host guardrails, run after the built-ins: `(ctx) => Violation[]`. @default [] */
  custom?: Guardrail[];
}

/** Options of {@link createGate}. */
export interface GateOptions {
  /**
   * The LLM judge: any LangChain chat model (`ChatOpenAI`, any OpenAI-compatible endpoint via
   * `configuration.baseURL`, another provider, a fake in tests), or one per level. Without a
   * judge the gate runs its deterministic subset: judged levels are unscored with a soft
   * `judge_unavailable` ("no judge configured"), so nothing can auto-approve.
   * @default undefined
   */
  judge?: JudgeModel | GateJudges;
  /** Levels to evaluate. @default ["step", "trajectory", "outcome"] */
  levels?: Level[];
  /** A verdict passes when the mean of its scored levels reaches this. @default 0.8 */
  passThreshold?: number;
  /** Timeout of each judge call attempt, in milliseconds. @default 30000 */
  judgeTimeoutMs?: number;
  /**
   * `"per-level"`: one judge call per level, concurrently (at most 3 per verdict). `"combined"`:
   * one call answers every requested level (about half the input tokens; one slower, longer
   * answer), with the same unscored, retry and timeout rules per level and its own prompt id (a
   * different provenance key). Combined mode needs one judge for every requested level.
   * @default "per-level"
   */
  judgeMode?: JudgeMode;
  /**
   * Temperature for judge models that take one (not reasoning models; fakes have none). The
   * host's model is never mutated. `null` leaves each model as configured.
   * @default 0
   */
  judgeTemperature?: number | null;
  /** Guardrail limits, switches and host guardrails. @default {} */
  guardrails?: GuardrailOptions;
  /**
   * Severity per violation code, overriding the default: built-in guardrail codes,
   * `step_mismatch`, `repeated_step_output` and host codes. `judge_unavailable`, `gate_error` and
   * `kill_switch` are fixed.
   * @default {}
   */
  severity?: Record<string, Severity>;
  /** Global kill switch: no LLM call at all, deterministic checks only, nothing passes. @default false */
  killSwitch?: boolean;
  /** Scope of drafts whose input names none. @default "default" */
  scope?: string;
  /** Clock for `createdAt`. @default () => new Date() */
  now?: () => Date;
  /**
   * Where verdicts, decisions and scope state live. With a store, `evaluate` routes by the scope's
   * mode and eligibility and persists the verdict; without one every verdict is a shadow verdict
   * routed to the human, and decisions cannot be backfilled.
   * @default undefined
   */
  store?: GateStore;
  /**
   * The flip criterion and auto-mode guard rails (DESIGN §5) for scopes without a stored policy:
   * `{ preset: "strict" }`, `{ minDecided: 100 }`, `{ auditRate: 0.1 }`, ...
   * @default the "default" preset: n ≥ 50, agreement ≥ 0.80, 0 rejected passes, 5% audit sample
   */
  policy?: Partial<FlipPolicy>;
  /**
   * Escalation triggers (DESIGN §7), evaluated on every routed draft: any that fires routes the
   * draft to `escalate`, ahead of auto and approval. Each trigger takes its options or `false`:
   * `{ lowConfidence: { floor: 0.6 }, sensitive: { isSensitive: (input) => ... }, loop: false }`.
   * @default every trigger on with its defaults (`low_competence` stays off)
   */
  escalation?: EscalationTriggerOptions;
  /**
   * The competence ledger (DESIGN §6): always recorded and reported. With `enforce: true`, auto
   * also requires the autonomous band and a guidance-seeking scope escalates with `low_competence`.
   * @default { alpha: 0.03, beta: 0.09, initial: 0.3, proposalAt: 0.4, autonomousAt: 0.7, enforce: false }
   */
  competence?: CompetenceOptions;
  /**
   * Share of executed auto-approvals drawn (deterministically, from the verdict id) for review
   * after the fact: they wait in `autonomy-gate audit queue` until reviewed `ok` or `wrong`.
   * Independent of the pre-send audit sample (`policy.auditRate`).
   * @default 0.05
   */
  postHocRate?: number;
  /**
   * The composer's specification: `{ model, promptVersion, tools, ... }` (plain JSON). It is part
   * of the provenance key, so changing it sends a scope in auto back to shadow to re-earn (audited
   * `provenance_change`), and certificates record and check it.
   * @default undefined (none declared)
   */
  agent?: AgentSpec;
}

/** Options after validation, with every default applied. */
export interface ResolvedGateOptions {
  judges: Record<Level, JudgeModel | null>;
  judgeMode: JudgeMode;
  levels: Level[];
  passThreshold: number;
  judgeTimeoutMs: number;
  judgeTemperature: number | null;
  guardrails: GuardrailSetConfig;
  severity: Record<string, Severity>;
  killSwitch: boolean;
  scope: string;
  now: () => Date;
  store: GateStore | undefined;
  policy: FlipPolicy;
  escalationTriggers: EscalationTriggers;
  competence: CompetenceConfig;
  postHocRate: number;
  agent: AgentSpec | undefined;
}

export const DEFAULT_MAX_DRAFT_CHARS = 5000;
const defaultNow = () => new Date();
const quoteList = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(", ");
const isFunction = (v: unknown) => typeof v === "function";

const OptionsSchema = z.strictObject({
  judge: z.unknown().optional(),
  levels: z
    .array(z.enum(LEVELS, { error: `a level: one of ${quoteList(LEVELS)}` }), { error: `an array of levels (${quoteList(LEVELS)})` })
    .min(1, { error: `at least one level of ${quoteList(LEVELS)}` })
    .refine((levels) => new Set(levels).size === levels.length, { error: "each level at most once" })
    .default([...LEVELS]),
  passThreshold: z.number({ error: "a number from 0 to 1" }).min(0, { error: "a number from 0 to 1" }).max(1, { error: "a number from 0 to 1" }).default(0.8),
  judgeTimeoutMs: z
    .number({ error: "a whole number of milliseconds from 1 to 600000" })
    .int({ error: "a whole number of milliseconds from 1 to 600000" })
    .min(1, { error: "a whole number of milliseconds from 1 to 600000" })
    .max(600_000, { error: "a whole number of milliseconds from 1 to 600000" })
    .default(30_000),
  judgeMode: z.enum(JUDGE_MODES, { error: `a judge mode: one of ${quoteList(JUDGE_MODES)}` }).default("per-level"),
  judgeTemperature: z.number({ error: "a number from 0 to 2, or null" }).min(0, { error: "a number from 0 to 2, or null" }).max(2, { error: "a number from 0 to 2, or null" }).nullable().default(0),
  guardrails: z
    .strictObject(
      {
        maxDraftChars: z.number({ error: "a positive whole number of characters" }).int({ error: "a positive whole number of characters" }).positive({ error: "a positive whole number of characters" }).default(DEFAULT_MAX_DRAFT_CHARS),
        disable: z.array(z.enum(BUILTIN_GUARDRAIL_CODES, { error: `a built-in guardrail code: one of ${quoteList(BUILTIN_GUARDRAIL_CODES)}` })).default([]),
        custom: z.array(z.custom<Guardrail>(isFunction, { error: "a function (ctx) => Violation[]" })).default([]),
      },
      { error: "an object { maxDraftChars?, disable?, custom? }" },
    )
    .default({ maxDraftChars: DEFAULT_MAX_DRAFT_CHARS, disable: [], custom: [] }),
  severity: z
    .record(
      z.string().refine((code) => !FIXED_SEVERITY_CODES.includes(code), { error: `a violation code other than ${quoteList(FIXED_SEVERITY_CODES)} (their severity is fixed)` }),
      z.enum(["hard", "soft"], { error: '"hard" or "soft"' }),
      { error: 'an object mapping violation codes to "hard" or "soft"' },
    )
    .default({}),
  killSwitch: z.boolean({ error: "true or false" }).default(false),
  scope: z.string({ error: "a non-empty string" }).min(1, { error: "a non-empty string" }).default("default"),
  now: z.custom<() => Date>(isFunction, { error: "a function returning a Date" }).default(() => defaultNow),
  policy: z.record(z.string(), z.unknown(), { error: "a partial flip policy object" }).optional(),
  // Validated in depth by createEscalationTriggers, which names the bad trigger option.
  escalation: z.unknown().optional(),
  competence: z.unknown().optional(),
  // Validated in depth by resolveAgentSpec, which names the bad field.
  agent: z.unknown().optional(),
  postHocRate: z.number({ error: "a number from 0 to 1" }).min(0, { error: "a number from 0 to 1" }).max(1, { error: "a number from 0 to 1" }).default(0.05),
  // Checked for the whole contract by checkShapes, which names the missing methods.
  store: z.custom<GateStore>(() => true).optional(),
});

const JUDGE_EXPECTED = "a LangChain chat model (e.g. ChatOpenAI) or { default?, step?, trajectory?, outcome? } of chat models";
const JUDGE_KEYS = ["default", ...LEVELS] as const;

function resolveJudges(judge: unknown): Record<Level, JudgeModel | null> {
  if (judge === undefined || judge === null) return { step: null, trajectory: null, outcome: null };
  if (isJudgeModel(judge)) return { step: judge, trajectory: judge, outcome: judge };
  if (!isPlainObject(judge) || typeof judge.invoke === "function") {
    throw new GateConfigError("judge", judge, JUDGE_EXPECTED);
  }
  const map = judge as Record<string, unknown>;
  for (const [key, value] of Object.entries(map)) {
    if (!(JUDGE_KEYS as readonly string[]).includes(key)) throw new GateConfigError(`judge.${key}`, value, `a key of the judge map: one of ${quoteList(JUDGE_KEYS)}`);
    if (value !== undefined && !isJudgeModel(value)) throw new GateConfigError(`judge.${key}`, value, "a LangChain chat model (e.g. ChatOpenAI)");
  }
  const pick = (level: Level) => (map[level] ?? map.default ?? null) as JudgeModel | null;
  return { step: pick("step"), trajectory: pick("trajectory"), outcome: pick("outcome") };
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);
}

function pathName(path: PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      if (!/^[\w$-]+$/.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join("");
}

/** Options whose value must be a plain object (a Map or a class instance reads as `{}`). */
const PLAIN_OPTIONS = ["guardrails", "severity", "policy", "escalation", "competence"] as const;

/** Refuse non-plain option objects and an incomplete store before anything else reads them. */
function checkShapes(options: Record<string, unknown>): void {
  for (const key of PLAIN_OPTIONS) {
    const value = options[key];
    if (value !== undefined && !isPlainObject(value)) throw new GateConfigError(key, value, "a plain object");
  }
  const escalation = options.escalation;
  if (isPlainObject(escalation)) {
    for (const [trigger, value] of Object.entries(escalation)) {
      if (value !== null && typeof value === "object" && !isPlainObject(value)) throw new GateConfigError(`escalation.${trigger}`, value, "a plain object or false");
    }
  }
  if (options.store !== undefined) {
    const missing = missingStoreMethods(options.store);
    if (missing.length > 0) {
      throw new GateConfigError("store", options.store, `a GateStore from createGateStore() (missing: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""})`);
    }
  }
}

/**
 * Validate `options` and apply defaults; throws GateConfigError naming the bad value, and nothing
 * else, whatever it is given (a Map, a proxy, throwing getters).
 */
export function resolveGateOptions(options: unknown): ResolvedGateOptions {
  try {
    return resolveOrThrow(options);
  } catch (error) {
    if (error instanceof GateConfigError) throw error;
    throw new GateConfigError("options", options, "plain option values (reading them threw)", { cause: error });
  }
}

function resolveOrThrow(options: unknown): ResolvedGateOptions {
  if (options !== undefined && !isPlainObject(options)) {
    throw new GateConfigError("options", options, "a plain options object");
  }
  checkShapes(options ?? {});
  const result = OptionsSchema.safeParse(options ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [...(issue?.path ?? [])];
    if (issue?.code === "unrecognized_keys") {
      const key = issue.keys[0] ?? "";
      const known = Object.keys(path.length === 0 ? OptionsSchema.shape : OptionsSchema.shape.guardrails.unwrap().shape);
      throw new GateConfigError(pathName([...path, key]), valueAt(options, [...path, key]), `a known option: one of ${quoteList(known)}`);
    }
    throw new GateConfigError(pathName(path) || "options", valueAt(options, path), issue?.message ?? "a valid value");
  }
  const { judge, policy, escalation, competence, agent, ...rest } = result.data;
  const judges = resolveJudges(judge);
  if (rest.judgeMode === "combined") checkOneJudge(judges, rest.levels);
  return {
    ...rest,
    judges,
    store: rest.store,
    policy: resolvePolicy(policy ?? {}, "policy"),
    escalationTriggers: createEscalationTriggers((escalation ?? {}) as EscalationTriggerOptions, "escalation"),
    competence: resolveCompetence((competence ?? {}) as CompetenceOptions, "competence"),
    agent: resolveAgentSpec(agent, "agent"),
  };
}
