import { asGateInput, canonicalInput, type CanonicalInput } from "../input/canonical.js";
import type { GateInput, LevelResult, Verdict } from "../types.js";
import type { EscalationTrigger } from "./codes.js";
import { findRepeatedStep } from "./loop.js";
import { describeSensitive, findSensitive, phrasePattern } from "./sensitive.js";
import { resolveTriggerOptions, type EscalationTriggerOptions, type HostPredicate, type TriggerConfig } from "./trigger-options.js";

/** What the triggers look at for one draft. */
export interface TriggerContext {
  input: GateInput;
  /**
   * The canonical view of `input` (see `canonicalInput`), when the caller already has it (the gate
   * does). Every check reads the view, never `input` itself; without one it is rendered here.
   */
  view?: CanonicalInput;
  levels: readonly LevelResult[];
  /** Mean of the scored levels; null when none scored. */
  composite: number | null;
  passed: boolean;
  /**
   * Earlier verdicts of the same scope and thread, newest first. The current draft's verdict may be
   * among them (a re-run): it is recognised by `currentVerdictId` and skipped.
   */
  history: ReadonlyArray<Pick<Verdict, "id" | "passed">>;
  /** The id the current draft's verdict has (or will have). */
  currentVerdictId?: string;
}

/** The trigger evaluator a gate runs on every draft. */
export interface EscalationTriggers {
  /** The resolved configuration, defaults filled in. */
  readonly config: TriggerConfig;
  /** How many earlier verdicts of the thread `evaluate` needs in `history` (0: none). */
  readonly historyDepth: number;
  /** The triggers that fire, in code order; empty when the draft needs no escalation. Pure. */
  evaluate(ctx: TriggerContext): EscalationTrigger[];
}

/**
 * Builds the trigger evaluator (DESIGN §7). Options are validated here, once.
 * @throws GateConfigError on an invalid option.
 */
export function createEscalationTriggers(options: EscalationTriggerOptions = {}, path = "escalation"): EscalationTriggers {
  const config = resolveTriggerOptions(options, path);
  const extraPhrases = (config.sensitive?.phrases ?? []).map(phrasePattern);
  return {
    config,
    // The current verdict counts as one of the N, so N - 1 earlier ones (plus a possible re-run copy).
    historyDepth: config.repeatedFailure ? config.repeatedFailure.count : 0,
    evaluate(given) {
      const ctx: ViewedContext = { ...given, view: given.view ?? canonicalInput(given.input) };
      return [
        lowConfidence(config, ctx),
        repeatedFailure(config, ctx),
        loop(config, ctx),
        ambiguity(config, ctx),
        sensitive(config, ctx, extraPhrases),
      ].filter((t): t is EscalationTrigger => t !== null);
    },
  };
}

type ViewedContext = TriggerContext & { view: CanonicalInput };

function lowConfidence(config: TriggerConfig, ctx: ViewedContext): EscalationTrigger | null {
  const floor = config.lowConfidence?.floor;
  if (floor === undefined || ctx.composite === null || ctx.composite >= floor) return null;
  return { code: "low_confidence", reason: `composite score ${ctx.composite.toFixed(2)} is below the confidence floor ${floor}` };
}

function repeatedFailure(config: TriggerConfig, ctx: ViewedContext): EscalationTrigger | null {
  const count = config.repeatedFailure?.count;
  if (count === undefined || ctx.passed) return null;
  let streak = 1;
  for (const earlier of ctx.history) {
    if (earlier.id === ctx.currentVerdictId) continue;
    if (earlier.passed) break;
    streak++;
  }
  if (streak < count) return null;
  return { code: "repeated_failure", reason: `${streak} failed verdicts in a row on this thread (limit ${count})` };
}

function loop(config: TriggerConfig, ctx: ViewedContext): EscalationTrigger | null {
  const options = config.loop;
  if (!options) return null;
  const repeated = findRepeatedStep(ctx.view.steps, options.repeats, options.consecutiveOnly);
  if (repeated) {
    const how = options.consecutiveOnly ? "in a row" : "on the step board";
    return { code: "loop", reason: `step "${repeated.name}" produced the same output ${repeated.times} times ${how}` };
  }
  if (options.judgeFlag && judgeSawLoop(ctx.levels)) {
    return { code: "loop", reason: "the trajectory judge flagged a redundant loop" };
  }
  return null;
}

/** The trajectory judge's own loop flag (deterministic repeats are counted above instead). */
function judgeSawLoop(levels: readonly LevelResult[]): boolean {
  return levels.some((l) => l.level === "trajectory" && l.flags?.loop === true);
}

function ambiguity(config: TriggerConfig, ctx: ViewedContext): EscalationTrigger | null {
  const options = config.ambiguity;
  if (!options) return null;
  const host = askHost(options.isAmbiguous, ctx.view);
  if (host !== null) return { code: "ambiguity", reason: host || "the host flagged the task as ambiguous" };
  if (!options.judgeFlag) return null;
  const flagged = ctx.levels.filter((l) => l.flags?.ambiguity === true).map((l) => l.level);
  if (flagged.length === 0) return null;
  return { code: "ambiguity", reason: `the ${flagged.join(" and ")} judge flagged the task as ambiguous` };
}

function sensitive(config: TriggerConfig, ctx: ViewedContext, extra: RegExp[]): EscalationTrigger | null {
  const options = config.sensitive;
  if (!options) return null;
  const reasons: string[] = [];
  const host = askHost(options.isSensitive, ctx.view);
  if (host !== null) reasons.push(host || "the host flagged the case as sensitive");
  const { draft, goal, evidence } = ctx.view;
  const hits = findSensitive({ draft: [draft.text, draft.args ?? null], goal, evidence }, options.categories, extra);
  if (hits.length > 0) reasons.push(describeSensitive(hits));
  return reasons.length === 0 ? null : { code: "sensitive", reason: reasons.join("; ") };
}

/**
 * The host predicate's answer: null when it did not fire, "" for a bare `true`, else its reason.
 * The predicate is shown the canonical view (as a GateInput), the same data the judges see. A
 * predicate that throws throws out of `evaluate`: the gate then routes the verdict to a human.
 */
function askHost(predicate: HostPredicate | null, view: CanonicalInput): string | null {
  if (!predicate) return null;
  const answer = predicate(asGateInput(view));
  if (answer === true) return "";
  return typeof answer === "string" && answer.trim() !== "" ? answer.trim() : null;
}
