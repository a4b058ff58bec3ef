import { z } from "zod";
import { GateConfigError } from "../errors.js";
import { checkFields, type FieldSpec } from "../validation/check-fields.js";

/**
 * Options of the competence ledger (DESIGN §6, seed 002). The ledger is always recorded and
 * reported; `enforce` makes it a gate condition.
 */
export interface CompetenceOptions {
  /**
   * Learning rate α: a success adds `α · d · min(1, 2.5 · (1 − s))` (d the difficulty weight), at
   * most 0.2 so the update stays invertible.
   * @default 0.03
   */
  alpha?: number;
  /** Failure cost β: a failure takes `β · (1 + s/2) / d` off the strength, at most 0.5. @default 0.09 */
  beta?: number;
  /** Belief strength of a scope with no decisions yet: guidance-seeking. @default 0.3 */
  initial?: number;
  /** Lower bound of the proposal band: below it a scope is guidance-seeking. @default 0.4 */
  proposalAt?: number;
  /** Lower bound of the autonomous band. @default 0.7 */
  autonomousAt?: number;
  /**
   * Opt in: auto additionally requires the autonomous band, and a guidance-seeking scope
   * escalates with `low_competence`. Off, the ledger is recorded and reported only.
   * @default false
   */
  enforce?: boolean;
}

/** Competence options with every default filled in and validated. */
export type CompetenceConfig = Required<CompetenceOptions>;

export const DEFAULT_COMPETENCE: Readonly<CompetenceConfig> = Object.freeze({
  alpha: 0.03,
  beta: 0.09,
  initial: 0.3,
  proposalAt: 0.4,
  autonomousAt: 0.7,
  enforce: false,
});

const unit = z.number().min(0).max(1);

const FIELDS: Record<keyof CompetenceConfig, FieldSpec> = {
  alpha: { schema: z.number().gt(0).max(0.2), expected: "a number in (0, 0.2]" },
  beta: { schema: z.number().gt(0).max(0.5), expected: "a number in (0, 0.5]" },
  initial: { schema: unit, expected: "a number in [0, 1]" },
  proposalAt: { schema: unit, expected: "a number in [0, 1]" },
  autonomousAt: { schema: unit, expected: "a number in [0, 1]" },
  enforce: { schema: z.boolean(), expected: "a boolean" },
};

/**
 * Complete, validated competence options. `path` prefixes field names in errors.
 * @throws GateConfigError naming the first bad field, the value received and the valid range.
 */
export function resolveCompetence(options: CompetenceOptions = {}, path = "competence"): CompetenceConfig {
  const checked = checkFields(options, FIELDS, path, "CompetenceOptions");
  const config = { ...DEFAULT_COMPETENCE, ...checked } as CompetenceConfig;
  if (config.autonomousAt <= config.proposalAt) {
    throw new GateConfigError(
      `${path}.autonomousAt`,
      config.autonomousAt,
      `a number in [0, 1] above proposalAt (${config.proposalAt})`,
    );
  }
  return config;
}
