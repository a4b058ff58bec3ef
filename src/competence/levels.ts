import { GateConfigError } from "../errors.js";
import type { BreakerState, Mode } from "../types.js";
import type { CompetenceBand } from "./band.js";

/**
 * The autonomy levels of seed 001, named by the user's role:
 *
 * - L1 operator — the user is in charge and the agent acts only with approval: the kill switch is
 *   on, so the gate offers no judgement and every draft waits for the human;
 * - L2 collaborator — the agent is new at the task and seeks guidance (competence guidance-seeking);
 * - L3 consultant — the agent proposes and the user approves, edits or rejects every draft
 *   (shadow mode, competence at least proposal);
 * - L4 approver — the user is involved only on failure or high risk: auto mode with the breaker
 *   closed, where failing, audited and escalated drafts still reach a human;
 * - L5 observer — no user involvement but monitoring and an off switch: auto with post-hoc audit
 *   alone. Reserved: the gate always keeps a human fallback for failing drafts, so a scope it runs
 *   is at most L4.
 */
export const AUTONOMY_LEVELS = ["L1", "L2", "L3", "L4", "L5"] as const;
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];

/** The user's role at each level (seed 001). */
export const LEVEL_ROLES: Readonly<Record<AutonomyLevel, string>> = Object.freeze({
  L1: "operator",
  L2: "collaborator",
  L3: "consultant",
  L4: "approver",
  L5: "observer",
});

/** The level auto mode (with its human fallback) operates at. */
export const AUTO_LEVEL: AutonomyLevel = "L4";

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

/** The higher of two levels. */
export function maxLevel(a: AutonomyLevel, b: AutonomyLevel): AutonomyLevel {
  return isBelow(a, b) ? b : a;
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
 * The level a scope operates at now: L1 with the kill switch on; L4 in auto with the breaker
 * closed; else L2 while guidance-seeking and L3 otherwise — never above the scope's ceiling.
 */
export function autonomyLevel(inputs: LevelInputs): AutonomyLevel {
  const natural: AutonomyLevel = inputs.killSwitch
    ? "L1"
    : inputs.mode === "auto" && inputs.breaker === "closed"
      ? AUTO_LEVEL
      : inputs.band === "guidance-seeking"
        ? "L2"
        : "L3";
  return inputs.ceiling !== null && isBelow(inputs.ceiling, natural) ? inputs.ceiling : natural;
}
