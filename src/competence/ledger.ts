import { GateConfigError } from "../errors.js";
import type { DecisionType } from "../types.js";
import { DEFAULT_COMPETENCE, type CompetenceConfig } from "./options.js";

/** A decision's evidence about the agent: +1 success, −1 failure, 0 none. */
export type CompetenceSignal = -1 | 0 | 1;

/** The difficulty weights a host may give a decision (seed 002). */
export const MIN_DIFFICULTY = 0.5;
export const MAX_DIFFICULTY = 2.0;

/** One decision's contribution before α: its signal times its difficulty weight. */
export interface CompetenceEvidence {
  signal: CompetenceSignal;
  difficulty: number;
}

/**
 * approve → +1; reject or edit → −1 (the draft was not send-worthy as-is); skip → 0, since a skip
 * says nothing about the draft.
 */
export function competenceSignal(decision: DecisionType): CompetenceSignal {
  if (decision === "approve") return 1;
  return decision === "skip" ? 0 : -1;
}

/**
 * The host's difficulty weight, checked: a finite number in [0.5, 2.0]. `undefined` is the
 * default weight 1.
 * @throws GateConfigError naming the value and the valid range.
 */
export function checkDifficulty(difficulty: number | undefined, path = "difficulty"): number {
  if (difficulty === undefined) return 1;
  if (typeof difficulty !== "number" || !Number.isFinite(difficulty) || difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY) {
    throw new GateConfigError(path, difficulty, `a number in [${MIN_DIFFICULTY}, ${MAX_DIFFICULTY}] (1 = ordinary)`);
  }
  return difficulty;
}

const clip = (value: number) => Math.min(1, Math.max(0, value));

type Rates = Pick<CompetenceConfig, "alpha" | "beta">;

/** Successes take full steps up to KNEE, then steps shrinking with the distance to the top. */
const KNEE = 0.6;
const TAPER = 1 / (1 - KNEE);

/**
 * The competence update (DESIGN §6, seed 002's dynamics), with d the difficulty weight:
 *
 * - success: `s ← s + α · d · min(1, 2.5 · (1 − s))` — full steps up to 0.6, then steps
 *   proportional to the distance from the top (diminishing returns): from 0.3 the autonomous band
 *   (0.7) takes 14 consecutive ordinary successes, and a hard success counts more than an easy one;
 * - failure: `s ← max(0, s − β · (1 + s/2) / d)` — a failure costs a base β plus a share of what was
 *   believed, divided by the difficulty, so failing an easy task (d = 0.5) costs four times what
 *   failing a hard one (d = 2) does; recovering from one ordinary failure near the top takes about
 *   12 successes;
 * - a skip (signal 0) changes nothing.
 *
 * With the defaults (α 0.03, β 0.09) approve rates of 0.6, 0.8 and 0.95 settle near 0.06
 * (guidance-seeking), 0.45 (proposal) and 0.89 (autonomous). Errors regress only the strength
 * passed in: each scope keeps its own.
 */
export function updateStrength(strength: number, evidence: CompetenceEvidence, config: Rates = DEFAULT_COMPETENCE): number {
  const d = checkDifficulty(evidence.difficulty);
  if (evidence.signal === 0) return clip(strength);
  if (evidence.signal > 0) return clip(strength + config.alpha * d * Math.min(1, TAPER * (1 - strength)));
  return clip(strength - (config.beta * (1 + strength / 2)) / d);
}

/**
 * The strength before an update, given the strength after it: the inverse of
 * {@link updateStrength} (both branches are increasing in s). A failure that clipped at 0 is
 * undone to the least strength it could have come from.
 */
export function undoStrength(strength: number, evidence: CompetenceEvidence, config: Rates = DEFAULT_COMPETENCE): number {
  const d = checkDifficulty(evidence.difficulty);
  if (evidence.signal === 0) return strength;
  if (evidence.signal > 0) {
    const step = config.alpha * d;
    // From s ≤ KNEE the success added a full step; above, s + TAPER·step·(1 − s).
    return clip(strength <= KNEE + step ? strength - step : (strength - TAPER * step) / (1 - TAPER * step));
  }
  const k = config.beta / d;
  return clip((strength + k) / (1 - k / 2));
}

/**
 * The update for a decision that replaces an earlier one on the same verdict (a reviewer changes
 * approve to reject): the earlier update is undone ({@link undoStrength}) and the new one applied,
 * so a corrected verdict counts once, with its final decision.
 */
export function reviseStrength(
  strength: number,
  evidence: CompetenceEvidence,
  previous: CompetenceEvidence | null,
  config: Rates = DEFAULT_COMPETENCE,
): number {
  const base = previous === null ? strength : undoStrength(strength, { ...previous, difficulty: checkDifficulty(previous.difficulty, "previous.difficulty") }, config);
  return updateStrength(base, evidence, config);
}
