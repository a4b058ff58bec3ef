import { hashValue } from "../hash.js";
import type { GateInput, Verdict } from "../types.js";
import type { EscalationTrigger } from "./codes.js";
import type { EscalationAttempt, EscalationPackage } from "./types.js";

/** The redaction hook: returns the package as it may be persisted and shown (e.g. PII masked). */
export type RedactPackage = (pkg: EscalationPackage) => EscalationPackage;

/** The escalation id of a verdict: deterministic, so a re-run node finds the record it wrote. */
export function escalationIdFor(verdictId: string): string {
  return `esc_${hashValue({ kind: "escalation", verdictId }).slice(0, 24)}`;
}

export interface PackageParts {
  verdict: Verdict;
  input: GateInput;
  /** The thread's verdicts, any order; the escalating one may be among them (it is listed last). */
  history: readonly Verdict[];
  triggers: EscalationTrigger[];
}

/**
 * Packages the full context for the owner (seed 004). Attempts carry scores, codes and decisions
 * only; the draft appears once, as the best guess.
 */
export function buildEscalationPackage({ verdict, input, history, triggers }: PackageParts): EscalationPackage {
  const earlier = history
    .filter((v) => v.id !== verdict.id)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const attempts = [...earlier, verdict].map(toAttempt);
  const draft = typeof input.draft === "string" ? { text: input.draft } : input.draft;
  return {
    escalationId: escalationIdFor(verdict.id),
    scope: verdict.scope,
    threadId: verdict.threadId,
    goal: input.goal,
    attempts,
    steps: input.steps,
    bestGuess: draft,
    ...(input.evidence === undefined ? {} : { evidence: input.evidence }),
    triggers,
    verdict: {
      verdictId: verdict.id,
      passed: verdict.passed,
      composite: verdict.composite,
      levels: verdict.levels.map(({ level, score, reason }) => ({ level, score, reason })),
      violations: verdict.violations,
      unscored: verdict.unscored,
      rationale: verdict.rationale,
      mode: verdict.mode,
    },
  };
}

function toAttempt(v: Verdict): EscalationAttempt {
  return {
    verdictId: v.id,
    passed: v.passed,
    composite: v.composite,
    violations: v.violations.map((violation) => violation.code),
    route: v.route,
    decision: v.decision?.type ?? null,
    createdAt: v.createdAt,
  };
}

/**
 * Runs the host's redaction hook on a deep copy (so a hook that mutates cannot touch the state it
 * was built from) and checks it returned a package.
 * @throws Error when the hook throws or returns something else: nothing unredacted is persisted.
 */
export function applyRedaction(pkg: EscalationPackage, redact: RedactPackage | undefined): EscalationPackage {
  if (!redact) return pkg;
  let out: unknown;
  try {
    out = redact(structuredClone(pkg));
  } catch (error: unknown) {
    throw new Error(`escalate: the redact hook failed, so nothing was persisted: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
  if (out === null || typeof out !== "object" || Array.isArray(out)) {
    throw new Error("escalate: the redact hook must return the (redacted) package object; nothing was persisted.");
  }
  return out as EscalationPackage;
}
