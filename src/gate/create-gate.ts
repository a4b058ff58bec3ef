import { FIXED_SEVERITY_CODES } from "../evaluation/codes.js";
import { withJudgeTemperature, type JudgeModel } from "../evaluation/judge/model.js";
import type { LevelRun } from "../evaluation/levels/level-run.js";
import { evaluateOutcomeLevel } from "../evaluation/levels/outcome.js";
import { evaluateStepLevel } from "../evaluation/levels/step.js";
import { evaluateTrajectoryLevel } from "../evaluation/levels/trajectory.js";
import { isLowCompetence } from "../competence/enforce.js";
import { backfillDecision, type DecisionInput } from "../decisions/backfill.js";
import { routeAndRecord } from "../decisions/route-verdict.js";
import { GateConfigError } from "../errors.js";
import { hashValue } from "../hash.js";
import type { GateInput, Level, LevelResult, Verdict, Violation } from "../types.js";
import type { GateStore } from "../store/types.js";
import { compose } from "./compose.js";
import { draftHashOf, readInput, type ReadInput } from "./input.js";
import { resolveGateOptions, type GateOptions, type ResolvedGateOptions } from "./options.js";
import { buildProvenance } from "./provenance.js";
import { redactDraftText } from "./redact.js";
import type { AssessContext, Assessment, EvaluateContext, Gate } from "./types.js";

const gateError = (detail: string): Violation => ({ code: "gate_error", severity: "soft", level: "gate", detail });

/** Judges at the configured temperature, rebuilt once per distinct model. */
function prepareJudges(options: ResolvedGateOptions): Record<Level, JudgeModel | null> {
  const prepared = new Map<JudgeModel, JudgeModel>();
  const prepare = (model: JudgeModel | null) => {
    if (!model) return null;
    if (!prepared.has(model)) prepared.set(model, withJudgeTemperature(model, options.judgeTemperature));
    return prepared.get(model) ?? model;
  };
  return { step: prepare(options.judges.step), trajectory: prepare(options.judges.trajectory), outcome: prepare(options.judges.outcome) };
}

/**
 * Create the multi-level evaluation gate (DESIGN §3). Options are validated here: invalid
 * configuration throws GateConfigError naming the bad value; nothing else ever throws.
 */
export function createGate(options: GateOptions = {}): Gate {
  const resolved = resolveGateOptions(options);
  const judges = prepareJudges(resolved);
  const provenance = buildProvenance({
    levels: resolved.levels,
    judges,
    guardrails: resolved.guardrails,
    severity: resolved.severity,
    passThreshold: resolved.passThreshold,
  });

  const runLevel = (level: Level, input: ReadInput, run: LevelRun): Promise<LevelResult> => {
    if (level === "step") return evaluateStepLevel(input, run);
    if (level === "trajectory") return evaluateTrajectoryLevel(input, run);
    return evaluateOutcomeLevel(input, run, resolved.guardrails);
  };

  /** One level, isolated: a bug inside it costs that level its score, not the verdict. */
  async function safeLevel(level: Level, input: ReadInput, killSwitch: boolean): Promise<LevelResult> {
    const judge = killSwitch ? null : judges[level];
    const run: LevelRun = {
      judge: judge ? { model: judge, timeoutMs: resolved.judgeTimeoutMs } : null,
      noJudgeReason: killSwitch ? "kill switch on" : "no judge configured",
    };
    const started = performance.now();
    try {
      return await runLevel(level, input, run);
    } catch {
      const latencyMs = Math.round(performance.now() - started);
      return { level, score: null, reason: "internal error", violations: [gateError(`internal error in the ${level} level`)], promptId: null, latencyMs };
    }
  }

  const overrideSeverity = (v: Violation): Violation => {
    const severity = resolved.severity[v.code];
    return severity && !FIXED_SEVERITY_CODES.includes(v.code) ? { ...v, severity } : v;
  };

  async function assessOrThrow(rawInput: unknown, ctx: AssessContext): Promise<Assessment> {
    const input = readInput(rawInput);
    const killSwitch = resolved.killSwitch || ctx.killSwitch === true;
    // Every level starts before any awaits: the judge calls run concurrently (≤ 1 per level).
    let levels = await Promise.all(resolved.levels.map((level) => safeLevel(level, input, killSwitch)));
    levels = levels.map((l) => ({ ...l, violations: l.violations.map(overrideSeverity) }));
    if (killSwitch) {
      levels = levels.map((l) => (l.score === null ? l : { ...l, score: null, reason: `${l.reason}; unscored: kill switch on` }));
    }
    const gateViolations = input.problems.map((problem) => gateError(`invalid input: ${problem}`));
    if (killSwitch) gateViolations.push({ code: "kill_switch", severity: "soft", level: "gate", detail: "kill switch on: no judge called, deterministic checks only" });
    const composition = compose({ requested: resolved.levels, levels, gateViolations, passThreshold: resolved.passThreshold, killSwitch });
    const assessment: Assessment = {
      scope: input.scope ?? resolved.scope,
      draftHash: draftHashOf(input.draft),
      levels,
      ...composition,
      provenance,
      killSwitch,
    };
    return redactDraftText(assessment, input.draft);
  }

  /** Fail open: whatever went wrong, a failed assessment that sends the draft to a human. */
  function failedAssessment(rawInput: unknown, killSwitch: boolean): Assessment {
    let draftHash = "unavailable";
    let scope = resolved.scope;
    try {
      const input = readInput(rawInput);
      draftHash = draftHashOf(input.draft);
      scope = input.scope ?? scope;
    } catch {
      // keep the placeholders: the verdict must still be produced
    }
    const levels: LevelResult[] = resolved.levels.map((level) => ({ level, score: null, reason: "not evaluated: gate error", violations: [], promptId: null, latencyMs: 0 }));
    return {
      scope,
      draftHash,
      levels,
      composite: null,
      passed: false,
      violations: [gateError("internal error; the draft goes to a human")],
      unscored: [...resolved.levels],
      rationale: "failed: gate error; no level scored",
      provenance,
      killSwitch,
    };
  }

  async function assess(input: GateInput, ctx: AssessContext = {}): Promise<Assessment> {
    try {
      return await assessOrThrow(input, ctx ?? {});
    } catch {
      return failedAssessment(input, resolved.killSwitch || ctx?.killSwitch === true);
    }
  }

  function nowIso(): string {
    try {
      return resolved.now().toISOString();
    } catch {
      return new Date().toISOString();
    }
  }

  /** The verdict id: a hash of scope, thread and draft, so re-running a node finds the same row. */
  function identify(input: GateInput, threadId: string): { id: string; scope: string; draftHash: string } {
    let scope = resolved.scope;
    let draftHash = "unavailable";
    try {
      const read = readInput(input);
      scope = read.scope ?? scope;
      draftHash = draftHashOf(read.draft);
    } catch {
      // an unreadable input still gets a verdict (with gate_error) from assess
    }
    return { id: hashValue({ scope, threadId, draftHash }), scope, draftHash };
  }

  function shadowVerdict(assessment: Assessment, id: string, threadId: string, extra: Violation[] = []): Verdict {
    const { scope, draftHash, levels, composite, unscored, rationale } = assessment;
    const violations = [...assessment.violations, ...extra];
    return {
      id,
      scope,
      threadId,
      draftHash,
      levels,
      composite,
      passed: assessment.passed && extra.length === 0,
      violations,
      unscored,
      rationale: extra.length === 0 ? rationale : `${rationale}; routed to a human: gate error`,
      provenance,
      mode: "shadow",
      route: "human",
      auditSampled: false,
      escalation: [],
      createdAt: nowIso(),
    };
  }

  async function evaluate(input: GateInput, ctx: EvaluateContext = {}): Promise<Verdict> {
    const threadId = typeof ctx?.threadId === "string" ? ctx.threadId : "";
    const { id } = identify(input, threadId);
    const store = resolved.store;
    if (!store) return shadowVerdict(await assess(input, { killSwitch: ctx?.killSwitch }), id, threadId);

    let killSwitch = ctx?.killSwitch === true;
    try {
      // A re-run (resume, retry) returns the stored verdict: no second judge call, no second row.
      const existing = await store.getVerdict(id);
      if (existing) return existing;
      killSwitch = killSwitch || (await store.getKillSwitch());
    } catch {
      // The store is down: fail open. Judge anyway, but nothing can go auto without the store.
      const assessment = await assess(input, { killSwitch });
      return shadowVerdict(assessment, id, threadId, [gateError("store unavailable; the draft goes to a human")]);
    }
    const assessment = await assess(input, { killSwitch });
    try {
      return await routeAndRecord(store, assessment, {
        id,
        scope: assessment.scope,
        threadId,
        createdAt: nowIso(),
        killSwitch: killSwitch || resolved.killSwitch,
        escalation: await escalationCodes(store, input, assessment, id, threadId),
        gatePolicy: resolved.policy,
        competence: resolved.competence,
      });
    } catch {
      return shadowVerdict(assessment, id, threadId, [gateError("routing or persistence failed; the draft goes to a human")]);
    }
  }

  /**
   * The escalation triggers that fire for this draft (DESIGN §7), over the normalized input and the
   * thread's latest verdicts. A throwing host predicate fails open with the rest of routing.
   */
  async function escalationCodes(store: GateStore, input: GateInput, assessment: Assessment, id: string, threadId: string): Promise<string[]> {
    const triggers = resolved.escalationTriggers;
    const history = triggers.historyDepth > 0 ? await store.listVerdicts({ scope: assessment.scope, threadId, limit: triggers.historyDepth }) : [];
    const { levels, composite, passed } = assessment;
    const codes = triggers.evaluate({ input: readInput(input), levels, composite, passed, history, currentVerdictId: id }).map((trigger) => trigger.code);
    if (resolved.competence.enforce) {
      const strength = (await store.getCompetence(assessment.scope))?.strength ?? resolved.competence.initial;
      if (isLowCompetence(strength, resolved.competence)) codes.push("low_competence");
    }
    return codes;
  }

  async function decide(verdictId: string, decision: DecisionInput): Promise<Verdict> {
    if (!resolved.store) {
      throw new GateConfigError("store", undefined, "a GateStore (createGateStore()) to backfill decisions onto verdicts");
    }
    return backfillDecision(resolved.store, verdictId, decision, resolved.policy, resolved.competence);
  }

  return { options: resolved, provenance, store: resolved.store, escalationTriggers: resolved.escalationTriggers, assess, evaluate, decide };
}
