import { DEFAULT_COMPETENCE, type CompetenceConfig } from "./options.js";

/** The supervision modes of seed 002, from least to most autonomous. */
export const COMPETENCE_BANDS = ["guidance-seeking", "proposal", "autonomous"] as const;
export type CompetenceBand = (typeof COMPETENCE_BANDS)[number];

/**
 * The supervision mode a belief strength maps to: below `proposalAt` (0.4) guidance-seeking, below
 * `autonomousAt` (0.7) proposal, else autonomous. Pure, so the escalation trigger
 * (`low_competence` when guidance-seeking) and the eligibility check share one rule.
 */
export function competenceBand(
  strength: number,
  config: Pick<CompetenceConfig, "proposalAt" | "autonomousAt"> = DEFAULT_COMPETENCE,
): CompetenceBand {
  if (strength < config.proposalAt) return "guidance-seeking";
  return strength < config.autonomousAt ? "proposal" : "autonomous";
}
