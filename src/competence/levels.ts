import { GateConfigError } from "../errors.js";
import type { BreakerState } from "../store/types.js";
import type { Mode } from "../types.js";
import type { CompetenceBand } from "./band.js";

/**
 * The autonomy levels a scope can operate at, after seed 001's user roles: L3 the user is a
 * consultant (the agent seeks guidance), L4 an approver (every draft waits for a human), L5 an
 * observer (auto with audit sampling and the kill switch). L1–L2 (operator, collaborator) are
 * outside a gate in front of an approval step.
 */
export const AUTONOMY_LEVELS = ["L3", "L4", "L5"] as const;
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];

/** The user's role at each level (seed 001). */
export const LEVEL_ROLES: Readonly<Record<AutonomyLevel, string>> = Object.freeze({
  L3: "consultant",
  L4: "approver",
  L5: "observer",
});

/** A level from user input (`"L4"`, `"l4"`, `"4"`). @throws GateConfigError naming the valid levels. */
export function parseAutonomyLevel(value: unknown, path = "ceiling"): AutonomyLevel {
  const text = typeof value === "number" ? `L${value}` : typeof value === "string" ? value.trim().toUpperCase() : "";
  const level = /^\d$/.test(text) ? `L${text}` : text;
  if ((AUTONOMY_LEVELS as readonly string[]).includes(level)) return level as AutonomyLevel;
  throw new GateConfigError(path, value, AUTONOMY_LEVELS.map((l) => `"${l}"`).join(", "));
}

/** True when `a` is a lower level than `b`. */
export function isBelow(a: AutonomyLevel, b: AutonomyLevel): boolean {
  return AUTONOMY_LEVELS.indexOf(a) < AUTONOMY_LEVELS.indexOf(b);
}

/** What the level of a scope depends on. */
export interface LevelInputs {
  mode: Mode;
  breaker: BreakerState;
  killSwitch: boolean;
  band: CompetenceBand;
  /** The scope's cap; null when uncapped. */
  ceiling: AutonomyLevel | null;
}

/**
 * The level a scope operates at now: L5 in auto with the breaker closed and the kill switch off
 * (nothing auto-approves otherwise); else L3 while guidance-seeking, L4 otherwise — never above
 * the scope's ceiling.
 */
export function autonomyLevel(inputs: LevelInputs): AutonomyLevel {
  const observing = inputs.mode === "auto" && inputs.breaker === "closed" && !inputs.killSwitch;
  const natural: AutonomyLevel = observing ? "L5" : inputs.band === "guidance-seeking" ? "L3" : "L4";
  return inputs.ceiling !== null && isBelow(inputs.ceiling, natural) ? inputs.ceiling : natural;
}
