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

/**
 * The bounded update of DESIGN §6: `s ← clip(s + α · signal · difficulty, 0, 1)`.
 * Errors regress only the strength passed in: each scope keeps its own.
 */
export function updateStrength(
  strength: number,
  evidence: CompetenceEvidence,
  config: Pick<CompetenceConfig, "alpha"> = DEFAULT_COMPETENCE,
): number {
  const difficulty = checkDifficulty(evidence.difficulty);
  return clip(strength + config.alpha * evidence.signal * difficulty);
}

/**
 * The update for a decision that replaces an earlier one on the same verdict (a reviewer changes
 * approve to reject): the earlier contribution is withdrawn and the new one added in one step,
 * `s ← clip(s + α · (signal·difficulty − previous.signal·previous.difficulty), 0, 1)`, so a
 * corrected verdict counts once, with its final decision.
 */
export function reviseStrength(
  strength: number,
  evidence: CompetenceEvidence,
  previous: CompetenceEvidence | null,
  config: Pick<CompetenceConfig, "alpha"> = DEFAULT_COMPETENCE,
): number {
  if (previous === null) return updateStrength(strength, evidence, config);
  const now = evidence.signal * checkDifficulty(evidence.difficulty);
  const before = previous.signal * checkDifficulty(previous.difficulty, "previous.difficulty");
  return clip(strength + config.alpha * (now - before));
}
