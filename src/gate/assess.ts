import { FIXED_SEVERITY_CODES } from "../evaluation/codes.js";
import { withJudgeTemperature, type JudgeModel } from "../evaluation/judge/model.js";
import { combinedAsks, type CombinedAsks } from "../evaluation/levels/combined-ask.js";
import type { JudgeAsk, LevelRun } from "../evaluation/levels/level-run.js";
import { runJudge } from "../evaluation/judge/run-judge.js";
import { judgeRunData } from "../evaluation/levels/run-data.js";
import { evaluateOutcomeLevel } from "../evaluation/levels/outcome.js";
import { evaluateStepLevel } from "../evaluation/levels/step.js";
import { evaluateTrajectoryLevel } from "../evaluation/levels/trajectory.js";
import type { GateInput, Level, LevelResult, Provenance, Violation } from "../types.js";
import { compose } from "./compose.js";
import { canonicalInput, type CanonicalInput } from "../input/canonical.js";
import { draftHashOf } from "./identity.js";
import type { ResolvedGateOptions } from "./options.js";
import { redactDraftText } from "./redact.js";
import type { AssessContext, Assessment } from "./types.js";

export const gateError = (detail: string): Violation => ({ code: "gate_error", severity: "soft", level: "gate", detail });

/** A field of the input that breaks its type or cannot be rendered faithfully: a hard veto. */
export const invalidInput = (path: string, problem: string): Violation => ({ code: "invalid_input", severity: "hard", level: "gate", detail: `${path}: ${problem}` });

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
 * The evaluation half of the gate (DESIGN §3): every requested level concurrently, the composite,
 * pass/fail and a rationale with no draft text. Never throws: any failure is a failed assessment
 * with `gate_error`, which sends the draft to a human.
 */
export function createAssessor(resolved: ResolvedGateOptions, provenance: Provenance) {
  const judges = prepareJudges(resolved);

  const runLevel = (level: Level, input: CanonicalInput, run: LevelRun): Promise<LevelResult> => {
    if (level === "step") return evaluateStepLevel(input, run);
    if (level === "trajectory") return evaluateTrajectoryLevel(input, run);
    return evaluateOutcomeLevel(input, run, resolved.guardrails);
  };

  /** Per level call mode: each level asks its own judge over the shared run data. */
  const ownAsk = (model: JudgeModel, data: string): JudgeAsk =>
    Object.assign((prompt: Parameters<JudgeAsk>[0]) => runJudge({ model, prompt, data, timeoutMs: resolved.judgeTimeoutMs }), {
      promptIdFor: (prompt: Parameters<JudgeAsk>[0]) => prompt.id,
    });

  /** How each level may ask for one assessment: its own calls, one combined call, or none. */
  function levelRuns(input: CanonicalInput, killSwitch: boolean): { runs: Record<Level, LevelRun>; combined: CombinedAsks | null } {
    const noJudgeReason = killSwitch ? "kill switch on" : "no judge configured";
    const anyJudge = !killSwitch && resolved.levels.some((level) => judges[level] !== null);
    // Rendered once: every call of this assessment reads the same block (the shared prompt prefix).
    const data = anyJudge ? judgeRunData(input) : "";
    const model = anyJudge ? judges[resolved.levels.find((level) => judges[level] !== null) ?? "outcome"] : null;
    const combined = resolved.judgeMode === "combined" && model ? combinedAsks(resolved.levels, { model, timeoutMs: resolved.judgeTimeoutMs }, data) : null;
    const runFor = (level: Level): LevelRun => {
      const judge = killSwitch ? null : judges[level];
      if (!judge) return { ask: null, noJudgeReason };
      return { ask: combined ? combined.askFor(level) : ownAsk(judge, data), noJudgeReason };
    };
    return { runs: { step: runFor("step"), trajectory: runFor("trajectory"), outcome: runFor("outcome") }, combined };
  }

  /** One level, isolated: a bug inside it costs that level its score, not the verdict. */
  async function safeLevel(level: Level, input: CanonicalInput, run: LevelRun, combined: CombinedAsks | null): Promise<LevelResult> {
    const started = performance.now();
    try {
      return await runLevel(level, input, run);
    } catch {
      const latencyMs = Math.round(performance.now() - started);
      return { level, score: null, reason: "internal error", violations: [gateError(`internal error in the ${level} level`)], promptId: null, latencyMs };
    } finally {
      combined?.settle(level);
    }
  }

  const overrideSeverity = (v: Violation): Violation => {
    const severity = resolved.severity[v.code];
    return severity && !FIXED_SEVERITY_CODES.includes(v.code) ? { ...v, severity } : v;
  };

  async function assessOrThrow(input: CanonicalInput, ctx: AssessContext): Promise<Assessment> {
    const killSwitch = resolved.killSwitch || ctx.killSwitch === true;
    // Every level starts before any awaits: the judge calls run concurrently (≤ 1 per level), or
    // as one combined call once every level has asked or finished.
    const { runs, combined } = levelRuns(input, killSwitch);
    let levels = await Promise.all(resolved.levels.map((level) => safeLevel(level, input, runs[level], combined)));
    levels = levels.map((l) => ({ ...l, violations: l.violations.map(overrideSeverity) }));
    if (killSwitch) {
      levels = levels.map((l) => (l.score === null ? l : { ...l, score: null, reason: `${l.reason}; unscored: kill switch on` }));
    }
    const gateViolations = input.problems.map(({ path, problem }) => invalidInput(path, problem));
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
  function failedAssessment(input: CanonicalInput, killSwitch: boolean): Assessment {
    const levels: LevelResult[] = resolved.levels.map((level) => ({ level, score: null, reason: "not evaluated: gate error", violations: [], promptId: null, latencyMs: 0 }));
    return {
      scope: input.scope ?? resolved.scope,
      draftHash: draftHashOf(input.draft),
      levels,
      composite: null,
      passed: false,
      violations: [gateError("internal error; the draft goes to a human"), ...input.problems.map(({ path, problem }) => invalidInput(path, problem))],
      unscored: [...resolved.levels],
      rationale: "failed: gate error; no level scored",
      provenance,
      killSwitch,
    };
  }

  /** Assess the canonical view of an input (the gate renders it once and shares it). */
  async function assessView(view: CanonicalInput, ctx: AssessContext = {}): Promise<Assessment> {
    try {
      return await assessOrThrow(view, ctx ?? {});
    } catch {
      return failedAssessment(view, resolved.killSwitch || ctx?.killSwitch === true);
    }
  }

  const assess = (input: GateInput, ctx: AssessContext = {}): Promise<Assessment> => assessView(canonicalInput(input), ctx);

  return { assess, assessView };
}
