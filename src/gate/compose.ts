import type { Level, LevelResult, Violation } from "../types.js";

export interface ComposeInput {
  /** Levels that were requested, in report order. */
  requested: readonly Level[];
  levels: LevelResult[];
  /** Violations of the gate itself (`gate_error`, `kill_switch`). */
  gateViolations: Violation[];
  passThreshold: number;
  killSwitch: boolean;
}

export interface Composition {
  composite: number | null;
  passed: boolean;
  violations: Violation[];
  unscored: Level[];
  rationale: string;
}

/** Float slack for the threshold test: (0.9 + 0.7) / 2 must count as 0.8. */
const EPSILON = 1e-9;
const fmt = (n: number) => n.toFixed(2);

/**
 * The verdict rule (DESIGN §3.5): composite = mean of the scored levels; passed ⇔ composite ≥
 * passThreshold ∧ no hard violation ∧ at least one level scored. A gate error or the kill switch
 * also fails it (fail open means "to the human", never "approved"). The rationale is one line
 * built from scores and codes only, never from judge text.
 */
export function compose(input: ComposeInput): Composition {
  const violations = [...input.levels.flatMap((l) => l.violations), ...input.gateViolations];
  const scored = input.levels.filter((l): l is LevelResult & { score: number } => l.score !== null);
  const unscored = input.requested.filter((level) => !scored.some((l) => l.level === level));
  const composite = scored.length > 0 ? scored.reduce((sum, l) => sum + l.score, 0) / scored.length : null;
  const hardCodes = [...new Set(violations.filter((v) => v.severity === "hard").map((v) => v.code))];
  const gateError = violations.some((v) => v.code === "gate_error");

  const failures: string[] = [];
  if (input.killSwitch) failures.push("kill switch on, deterministic checks only");
  if (gateError) failures.push("gate error");
  if (hardCodes.length > 0) failures.push(`hard violation (${hardCodes.join(", ")})`);
  if (composite === null) failures.push("no level scored");
  else if (composite + EPSILON < input.passThreshold) failures.push(`composite ${fmt(composite)} < ${fmt(input.passThreshold)}`);
  const passed = failures.length === 0;

  const parts = [passed ? "passed" : `failed: ${failures.join("; ")}`];
  if (composite !== null) parts.push(`composite ${fmt(composite)} over ${scored.map((l) => l.level).join(", ")}`);
  if (unscored.length > 0) parts.push(`unscored: ${unscored.join(", ")}`);
  return { composite, passed, violations, unscored, rationale: parts.join("; ") };
}
