import { z } from "zod";
import { InvalidResumeError } from "../errors.js";
import { DECISION_TYPES, type DecisionType, type HitlDecisionType } from "../types.js";

type AnyHumanDecision =
  | { type: "approve"; note?: string; by?: string }
  | { type: "edit"; editedAction: { name: string; args: Record<string, unknown> }; note?: string; by?: string }
  | { type: "reject"; message?: string; note?: string; by?: string }
  | { type: "skip"; note?: string; by?: string };

/**
 * A human decision as it arrives in `Command({ resume })`, in LangChain v1's HITL vocabulary: with
 * the default decisions it is assignable to `langchain`'s `Decision` (`note` and `by` are optional
 * extras). `HumanDecision<DecisionType>` adds the opt-in `skip`.
 */
export type HumanDecision<D extends DecisionType = HitlDecisionType> = Extract<AnyHumanDecision, { type: D }>;

const meta = { note: z.string().optional(), by: z.string().optional() };
const decisionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("approve"), ...meta }),
  z.object({
    type: z.literal("edit"),
    editedAction: z.object({ name: z.string().min(1), args: z.record(z.string(), z.unknown()) }),
    ...meta,
  }),
  z.object({ type: z.literal("reject"), message: z.string().optional(), ...meta }),
  z.object({ type: z.literal("skip"), ...meta }),
]);

/** Parses a resume value; returns the decision or a problem in words (never throws). */
export function parseResume(value: unknown): { ok: true; decision: HumanDecision<DecisionType> } | { ok: false; problem: string } {
  if (value === null || typeof value !== "object") {
    return { ok: false, problem: `expected an object, got ${value === null ? "null" : typeof value}` };
  }
  let candidate: unknown = value;
  if ("decisions" in value) {
    const decisions = (value as { decisions: unknown }).decisions;
    if (!Array.isArray(decisions) || decisions.length !== 1) {
      return { ok: false, problem: "`decisions` must be an array with exactly one decision (one action is under review)" };
    }
    candidate = decisions[0];
  }
  const type = (candidate as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !(DECISION_TYPES as readonly string[]).includes(type)) {
    return { ok: false, problem: `decision type ${JSON.stringify(type)} is not one of ${DECISION_TYPES.join(", ")}` };
  }
  const parsed = decisionSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join(".") : "decision";
    return { ok: false, problem: `"${type}" decision: ${path}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, decision: parsed.data as HumanDecision<DecisionType> };
}

/**
 * The interrupt's response schema. LangGraph parses the resume value with it and marks whatever it
 * throws as an invalid resume: the caller gets this clear InvalidResumeError and the interrupt
 * stays pending for a corrected answer.
 */
export const resumeSchema = z.unknown().superRefine((value) => {
  // Thrown, not reported as an issue, so the caller sees the named error rather than a ZodError.
  const result = parseResume(value);
  if (!result.ok) throw new InvalidResumeError(value, result.problem);
});
