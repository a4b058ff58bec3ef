import type { Eligibility } from "../types.js";
import { competenceBand } from "./band.js";
import type { CompetenceConfig } from "./options.js";

/**
 * Eligibility with the competence condition added when the host opted in (`enforce`): auto then
 * also requires the autonomous band, and the reasons say so with the numbers. Unchanged otherwise.
 */
export function withCompetence(eligibility: Eligibility, strength: number, config: CompetenceConfig): Eligibility {
  if (!config.enforce) return eligibility;
  const band = competenceBand(strength, config);
  if (band === "autonomous") return eligibility;
  const reason = `competence ${strength.toFixed(2)} (${band}) below the autonomous band (≥ ${config.autonomousAt.toFixed(2)})`;
  return { ...eligibility, eligible: false, reasons: [...eligibility.reasons, reason] };
}

/**
 * Whether a draft of a scope at this strength must escalate with `low_competence`: only when the
 * host opted in and the scope is guidance-seeking (DESIGN §6, §7).
 */
export function isLowCompetence(strength: number, config: CompetenceConfig): boolean {
  return config.enforce && competenceBand(strength, config) === "guidance-seeking";
}
