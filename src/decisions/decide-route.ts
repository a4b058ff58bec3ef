import type { Level, Mode, Route, Violation } from "../types.js";

/** What routing needs to know of an evaluation. */
export interface RoutableAssessment {
  passed: boolean;
  unscored: Level[];
  violations: Violation[];
}

/** The state of the world a draft is routed in (DESIGN §4). */
export interface RouteContext {
  mode: Mode;
  /** The flip criterion holds on the current provenance key (and competence, when opted in). */
  eligible: boolean;
  breaker: "closed" | "open";
  killSwitch: boolean;
  /** The draft was drawn for the audit sample. */
  auditSampled: boolean;
  /** Escalation trigger codes that fired; any one overrides both modes. */
  escalation: string[];
}

export interface RouteDecision {
  route: Route;
  /** True when everything else allowed auto and only the audit sample sent it to the human. */
  auditSampled: boolean;
  /** Why the draft did not go auto (empty for auto, and for shadow mode, where that is the rule). */
  reasons: string[];
}

/**
 * Routing per DESIGN §4. Escalation wins; shadow always goes to the human; auto only when every
 * condition holds. Pure, so goldens, tests and the gate share one rule.
 */
export function decideRoute(assessment: RoutableAssessment, ctx: RouteContext): RouteDecision {
  if (ctx.escalation.length > 0) return { route: "escalate", auditSampled: false, reasons: [`escalation: ${ctx.escalation.join(", ")}`] };
  if (ctx.mode === "shadow") return { route: "human", auditSampled: false, reasons: [] };

  const reasons: string[] = [];
  if (ctx.killSwitch) reasons.push("kill switch is on");
  if (!assessment.passed) reasons.push("verdict did not pass");
  if (assessment.unscored.length > 0) reasons.push(`unscored level(s): ${assessment.unscored.join(", ")}`);
  if (assessment.violations.some((v) => v.severity === "hard")) reasons.push("hard violation");
  if (!ctx.eligible) reasons.push("scope not eligible");
  if (ctx.breaker === "open") reasons.push("breaker open");
  if (reasons.length > 0) return { route: "human", auditSampled: false, reasons };
  if (ctx.auditSampled) return { route: "human", auditSampled: true, reasons: ["drawn for the audit sample"] };
  return { route: "auto", auditSampled: false, reasons: [] };
}
