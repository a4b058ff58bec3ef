import type { CanonicalStep, Json } from "../../input/canonical.js";
import { childPath } from "../../input/canonical-value.js";

/**
 * Golden expectations split into what is compared deterministically (scalars, zero LLM calls) and
 * what goes to the step judge (free text), per the rule on `Expectation` in src/types.ts.
 */

type Scalar = number | boolean | string;
const ENUM_TOKEN = /^[\w.:\-/]{1,64}$/;
const isScalar = (v: unknown): v is Scalar => typeof v === "number" || typeof v === "boolean" || typeof v === "string";

export type ClassifiedExpectation = { kind: "scalar"; accepts: Scalar[] } | { kind: "text"; text: string } | { kind: "invalid" };

export function classifyExpectation(expectation: unknown): ClassifiedExpectation {
  if (typeof expectation === "number" || typeof expectation === "boolean") return { kind: "scalar", accepts: [expectation] };
  if (typeof expectation === "string") {
    return ENUM_TOKEN.test(expectation) ? { kind: "scalar", accepts: [expectation] } : { kind: "text", text: expectation };
  }
  if (expectation !== null && typeof expectation === "object") {
    const e = expectation as Record<string, unknown>;
    if ("equals" in e && isScalar(e.equals)) return { kind: "scalar", accepts: [e.equals] };
    if ("oneOf" in e && Array.isArray(e.oneOf) && e.oneOf.length > 0 && e.oneOf.every(isScalar)) return { kind: "scalar", accepts: e.oneOf };
    if ("text" in e && typeof e.text === "string") return { kind: "text", text: e.text };
  }
  return { kind: "invalid" };
}

/** Numbers within 1e-9, booleans and strings exactly (case-sensitive), types never coerced. */
export function matchesScalar(output: unknown, accepts: Scalar[]): boolean {
  return accepts.some((expected) =>
    typeof expected === "number" && typeof output === "number" ? Math.abs(output - expected) <= 1e-9 : output === expected,
  );
}

export interface PlannedExpectation {
  step: string;
  /** False when the expectation names a step that is not on the board. */
  present: boolean;
  output: Json;
  expectation: ClassifiedExpectation;
  /** The field the expectation came from: `steps[2].expected` or `expectations.research`. */
  path: string;
  /** 1-based position of the step on the board; null when it is not on it. */
  position: number | null;
}

/** A free-text expectation the step judge reads, numbered as the judge sees it. */
export interface JudgedItem {
  item: number;
  step: string;
  position: number;
  expectation: string;
}

/** The free-text expectations of steps on the board, in plan order: what goes to the step judge. */
export function judgedItems(plan: readonly PlannedExpectation[]): JudgedItem[] {
  const items: JudgedItem[] = [];
  for (const p of plan) {
    if (p.present && p.position !== null && p.expectation.kind === "text") {
      items.push({ item: items.length + 1, step: p.step, position: p.position, expectation: p.expectation.text });
    }
  }
  return items;
}

/**
 * Pair each expectation with the output it checks. `Step.expected` applies to its own entry; a
 * keyed expectation applies to the last entry of that name (the latest output) and wins over
 * that entry's own `expected`; a keyed expectation whose step never ran is planned as absent.
 */
export function planExpectations(steps: CanonicalStep[], keyed: Record<string, Json> | undefined): PlannedExpectation[] {
  const plan: PlannedExpectation[] = [];
  const keyedEntries = Object.entries(keyed ?? {});
  const keyedNames = new Set(keyedEntries.map(([name]) => name));
  const lastIndex = new Map<string, number>();
  steps.forEach((step, i) => lastIndex.set(step.name, i));
  steps.forEach((step, i) => {
    const keyedHere = lastIndex.get(step.name) === i && keyedNames.has(step.name);
    const expectation: unknown = keyedHere ? keyed?.[step.name] : step.expected;
    if (expectation === undefined) return;
    const path = keyedHere ? childPath("expectations", step.name) : `steps[${i}].expected`;
    plan.push({ step: step.name, present: true, output: step.output, expectation: classifyExpectation(expectation), path, position: i + 1 });
  });
  for (const [name, expectation] of keyedEntries) {
    if (!lastIndex.has(name)) plan.push({ step: name, present: false, output: null, expectation: classifyExpectation(expectation), path: childPath("expectations", name), position: null });
  }
  return plan;
}
