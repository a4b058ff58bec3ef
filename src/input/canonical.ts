import type { Draft, Evidence, Expectation, GateInput, Step } from "../types.js";
import { addProblem, CANONICAL_LIMITS, hasControlCharacters, newBudget, renderCanonical, type InputProblem, type Json } from "./canonical-value.js";

/** One step of the canonical step board. */
export interface CanonicalStep {
  name: string;
  output: Json;
  expected?: Json;
}

/** The canonical draft: what the judge is shown, what is hashed, what the guardrails read. */
export interface CanonicalDraft {
  text: string;
  args?: Record<string, Json>;
}

/**
 * The one view of a `GateInput` every consumer reads (DESIGN §3.11): plain, bounded JSON, plus the
 * problems met reading it. Any problem is a hard `invalid_input` violation.
 */
export interface CanonicalInput {
  goal: string;
  steps: CanonicalStep[];
  draft: CanonicalDraft;
  evidence?: Json;
  expectations?: Record<string, Json>;
  scope?: string;
  /** Type violations and values that could not be rendered faithfully, by field path. */
  problems: InputProblem[];
}

const INPUT_KEYS = ["goal", "steps", "draft", "evidence", "expectations", "scope"] as const;

const isRecordJson = (v: Json | undefined): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Render any value as the canonical view of a `GateInput`. Never throws; linear in the input
 * (each value is read once, within {@link CANONICAL_LIMITS}). The type rules: `goal` a string;
 * `steps` an array of `{ name: string, output, expected? }`; `draft` a string or
 * `{ text: string, args?: object }` with no control characters in its text; `evidence` an object,
 * an array or a string; `expectations` an object; `scope` a non-empty string. Anything else, and
 * anything the value rules of {@link renderCanonical} refuse, is listed in `problems`.
 */
export function canonicalInput(input: unknown): CanonicalInput {
  try {
    return renderInput(input);
  } catch {
    // Only a hostile proxy at the top level gets here (its traps throw on inspection).
    return { goal: "", steps: [], draft: { text: "" }, problems: [{ path: "input", problem: "it could not be read (a proxy threw)" }] };
  }
}

function renderInput(input: unknown): CanonicalInput {
  const budget = newBudget();
  // The top level is read once, through the same renderer, so getters and proxies cannot differ
  // between the type check and what is rendered.
  const fields: Partial<Record<(typeof INPUT_KEYS)[number], unknown>> = {};
  let isObject = input !== null && typeof input === "object" && !Array.isArray(input);
  if (isObject) {
    for (const key of INPUT_KEYS) {
      try {
        fields[key] = (input as Record<string, unknown>)[key];
      } catch {
        addProblem(budget, key, "reading it threw (a getter or proxy)");
      }
    }
  } else {
    addProblem(budget, "input", "not an object { goal, steps, draft, evidence?, expectations?, scope? }");
    isObject = false;
  }

  const goal = renderCanonical(fields.goal, "goal", budget);
  if (typeof goal !== "string") addProblem(budget, "goal", fields.goal === undefined ? "missing (a string is required)" : "not a string");

  const steps: CanonicalStep[] = [];
  const rawSteps = renderStepsSource(fields.steps, budget);
  rawSteps.forEach((step, i) => {
    if (budget.exhausted) return;
    const path = `steps[${i}]`;
    const rendered = renderCanonical(step, path, budget);
    if (!isRecordJson(rendered) || typeof rendered.name !== "string") {
      addProblem(budget, path, "not a step { name: string, output, expected? }");
      steps.push({ name: isRecordJson(rendered) && typeof rendered.name === "string" ? rendered.name : "", output: isRecordJson(rendered) ? (rendered.output ?? null) : rendered });
      return;
    }
    steps.push({ name: rendered.name, output: rendered.output ?? null, ...(rendered.expected !== undefined ? { expected: rendered.expected } : {}) });
  });

  const draft = renderDraft(fields.draft, budget);

  let evidence: Json | undefined;
  if (fields.evidence !== undefined) {
    evidence = renderCanonical(fields.evidence, "evidence", budget);
    if (evidence === null || (typeof evidence !== "object" && typeof evidence !== "string")) addProblem(budget, "evidence", "not an object, an array or a string");
  }

  let expectations: Record<string, Json> | undefined;
  if (fields.expectations !== undefined) {
    const rendered = renderCanonical(fields.expectations, "expectations", budget);
    if (isRecordJson(rendered)) expectations = rendered;
    else addProblem(budget, "expectations", "not an object keyed by step name");
  }

  let scope: string | undefined;
  if (fields.scope !== undefined) {
    if (typeof fields.scope === "string" && fields.scope !== "" && fields.scope.length <= 512) scope = fields.scope;
    else addProblem(budget, "scope", "not a non-empty string of at most 512 characters");
  }

  if (budget.moreProblems > 0) budget.problems.push({ path: "input", problem: `${budget.moreProblems} more problems not listed` });
  return {
    goal: typeof goal === "string" ? goal : "",
    steps,
    draft,
    ...(evidence !== undefined ? { evidence } : {}),
    ...(expectations !== undefined ? { expectations } : {}),
    ...(scope !== undefined ? { scope } : {}),
    problems: budget.problems,
  };
}

/** The step entries to render (an array is required; anything else is a problem and no steps). */
function renderStepsSource(steps: unknown, budget: ReturnType<typeof newBudget>): unknown[] {
  if (steps === undefined) {
    addProblem(budget, "steps", "missing (an array of steps is required)");
    return [];
  }
  if (!Array.isArray(steps)) {
    addProblem(budget, "steps", "not an array of steps");
    return [];
  }
  try {
    if (steps.length > CANONICAL_LIMITS.maxSteps) addProblem(budget, "steps", `more than ${CANONICAL_LIMITS.maxSteps} steps (the board is cut there)`);
    return Array.from({ length: Math.min(steps.length, CANONICAL_LIMITS.maxSteps) }, (_, i) => steps[i] as unknown);
  } catch {
    addProblem(budget, "steps", "reading it threw (a getter or proxy)");
    return [];
  }
}

function renderDraft(raw: unknown, budget: ReturnType<typeof newBudget>): CanonicalDraft {
  if (typeof raw === "string") return { text: checkText(renderCanonical(raw, "draft", budget), "draft", budget) };
  // The draft is what acts: toJSON is refused anywhere inside it.
  const rendered = renderCanonical(raw, "draft", budget, { refuseToJson: true });
  if (!isRecordJson(rendered) || typeof rendered.text !== "string") {
    addProblem(budget, "draft", raw === undefined ? "missing (a string or { text, args? } is required)" : "neither a string nor { text: string, args? }");
    return { text: "" };
  }
  const text = checkText(rendered.text, "draft.text", budget);
  for (const key of Object.keys(rendered)) {
    if (key !== "text" && key !== "args") addProblem(budget, `draft.${key}`, "not a field of a draft (only text and args are judged)");
  }
  if (rendered.args === undefined) return { text };
  if (!isRecordJson(rendered.args)) {
    addProblem(budget, "draft.args", "not an object of named arguments");
    return { text };
  }
  return { text, args: rendered.args };
}

function checkText(text: Json, path: string, budget: ReturnType<typeof newBudget>): string {
  if (typeof text !== "string") return "";
  if (hasControlCharacters(text)) addProblem(budget, path, "holds control characters");
  return text;
}

/** The canonical view as a `GateInput`, for host predicates and guardrails typed on the input. */
export function asGateInput(view: CanonicalInput): GateInput & { draft: Draft; steps: Step[]; evidence?: Evidence; expectations?: Record<string, Expectation> } {
  const { problems: _problems, ...input } = view;
  return input as GateInput & { draft: Draft; steps: Step[] };
}

/** The part of the view that identifies the input: everything but the problems. */
export function identityOf(view: CanonicalInput): Omit<CanonicalInput, "problems"> {
  const { problems: _problems, ...rest } = view;
  return rest;
}

export type { InputProblem, Json } from "./canonical-value.js";
