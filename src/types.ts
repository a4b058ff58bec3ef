/**
 * The shared vocabulary of autonomy-gate (DESIGN §2). Evaluation, the store, the nodes and the
 * CLI all speak these types; nothing here knows LangGraph or the database.
 */

/** The three evaluation levels, in the order they are reported. */
export const LEVELS = ["step", "trajectory", "outcome"] as const;
export type Level = (typeof LEVELS)[number];

export type Severity = "hard" | "soft";

/**
 * A rule broken by a draft or raised by the gate itself. `code` is a stable string
 * (`unresolved_placeholder`, `judge_unavailable`, `gate_error`, ...). `detail` never holds draft text.
 */
export interface Violation {
  code: string;
  severity: Severity;
  /** The level that raised it; `gate` for failures of the gate itself (`gate_error`). */
  level: Level | "gate";
  detail?: string;
}

/** What the agent wants to do: text plus optional structured arguments (e.g. recipient, subject). */
export interface Draft {
  text: string;
  args?: Record<string, unknown>;
}

/**
 * A golden expectation for one step.
 * - `number` / `boolean`: compared deterministically (numbers with `1e-9` tolerance).
 * - a string that is a single token (`/^[\w.:\-/]{1,64}$/`, e.g. `"qualified"`): an enum value,
 *   compared deterministically (case-sensitive).
 * - `{ equals }` / `{ oneOf }`: explicit scalar comparisons.
 * - any other string, or `{ text }`: a free-text expectation for the step judge.
 */
export type Expectation =
  | number
  | boolean
  | string
  | { equals: number | boolean | string }
  | { oneOf: Array<number | boolean | string> }
  | { text: string };

/** One entry of the step board: the ordered steps that led to the draft. */
export interface Step {
  name: string;
  output: unknown;
  expected?: Expectation;
}

/** The facts the composer used. Run data, never instructions. */
export type Evidence = Record<string, unknown> | unknown[] | string;

/** What the gate evaluates. */
export interface GateInput {
  /** What the agent is trying to achieve, in a sentence. */
  goal: string;
  /** The step board, in order. */
  steps: Step[];
  /** The draft; a bare string is shorthand for `{ text }`. */
  draft: Draft | string;
  evidence?: Evidence;
  /** Per-step expectations keyed by step name; merged with `Step.expected` (this wins). */
  expectations?: Record<string, Expectation>;
  /** The unit of earned autonomy; the gate's default scope when omitted. */
  scope?: string;
}

/** Flags a judge may raise besides its score (used by escalation triggers). */
export interface LevelFlags {
  /** The trajectory judge saw a redundant loop. */
  loop?: boolean;
  /** A judge found the task or draft ambiguous. */
  ambiguity?: boolean;
}

/** Tokens of judge calls, as the model reported them (`usage_metadata`). Counts only, never text. */
export interface TokenUsage {
  input: number;
  output: number;
}

/** One level's result. `score: null` means unscored: it can never auto-approve anything. */
export interface LevelResult {
  level: Level;
  score: number | null;
  reason: string;
  violations: Violation[];
  /** `id@version` of the judge prompt used, or null when no judge call was made. */
  promptId: string | null;
  latencyMs: number;
  flags?: LevelFlags;
  /**
   * Tokens of this level's judge calls (retry included), present when the model reported usage
   * for every call. In `judgeMode: "combined"` the one call's tokens are split evenly over the
   * levels it answered (remainders to the first), so the levels always sum to the call's usage.
   */
  tokens?: TokenUsage;
}

/** Where a verdict came from. A change in any field changes `provenanceKey`. */
/** A JSON value, as an agent specification holds. */
export type AgentSpecValue = string | number | boolean | null | AgentSpecValue[] | { [key: string]: AgentSpecValue };

/**
 * The composer's specification (DESIGN §5, seed 001): what produced the drafts the gate judges.
 * Part of the evidence key like the judge's provenance, so changing the model, the prompt version
 * or the tools sends an auto scope back to shadow to re-earn, and a certificate earned under one
 * specification is not valid for another.
 */
export interface AgentSpec {
  /** The composer's model id, e.g. `gpt-4o-mini-2024-07-18`. */
  model?: string;
  /** The version of the composer's prompt, e.g. `outreach-compose@3`. */
  promptVersion?: string;
  /** The tools the composer may call, by name (order does not matter). */
  tools?: string[];
  /** Anything else that changes what the agent does (retrieval index version, temperature, ...). */
  [key: string]: AgentSpecValue | undefined;
}

export interface Provenance {
  /** `id@version` of every judge prompt the gate may use, keyed by prompt id. */
  prompts: string[];
  guardrailSetVersion: string;
  /** Judge model id per level (the same id thrice when one model judges all levels). */
  judgeModels: Record<Level, string>;
  packageVersion: string;
  /** The composite a verdict needed to pass: a different bar is different evidence. */
  passThreshold: number;
  /**
   * The composer's declared specification (model, prompt version, tools, ...); absent when the
   * host declared none. Part of the key: a different agent is different evidence.
   */
  agent?: AgentSpec;
  /** Stable hash of the fields above. */
  provenanceKey: string;
}

export type Mode = "shadow" | "auto";

/** A scope's swing-back breaker: `open` after a trip, until an operator closes it. */
export type BreakerState = "closed" | "open";
export const ROUTES = ["auto", "human", "escalate"] as const;
export type Route = (typeof ROUTES)[number];

export const DECISION_TYPES = ["approve", "edit", "reject", "skip"] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];
/**
 * LangChain v1's human-in-the-loop decisions (`HITLRequest`/`Decision` of `langchain`): the default
 * of `await_approval`. `skip` is this package's opt-in extension.
 */
export const HITL_DECISION_TYPES = ["approve", "edit", "reject"] as const;
export type HitlDecisionType = (typeof HITL_DECISION_TYPES)[number];

/** A human (or audit) decision backfilled onto a verdict. */
export interface Decision {
  type: DecisionType;
  note?: string;
  /** Hash of the edited draft for `edit` (never the text). */
  editedDraftHash?: string;
  /** Who decided (user id, queue name, `cli`). */
  by?: string;
  /** ISO timestamp. */
  at: string;
}

/** Why a scope is or is not eligible for auto-approval right now. */
export interface Eligibility {
  eligible: boolean;
  /** Human-readable reasons when not eligible (empty when eligible). */
  reasons: string[];
  n: number;
  agreement: number | null;
  wilsonLower: number | null;
  kappa: number | null;
  rejectedPasses: number;
  /** The rule's false-flip guarantee in words (sequential preset). */
  guarantee?: string;
}

/** The gate's verdict on one draft (DESIGN §2–4). */
export interface Verdict {
  /**
   * Deterministic: a hash of scope, thread and the whole canonical input (draft, args, evidence,
   * steps, expectations, goal), so a re-run of the same input finds the same row.
   */
  id: string;
  scope: string;
  threadId: string;
  draftHash: string;
  levels: LevelResult[];
  /** Mean of the scored levels; null when none scored. */
  composite: number | null;
  passed: boolean;
  /** Every violation of every level plus gate-level ones. */
  violations: Violation[];
  /** Levels that were requested but not scored. */
  unscored: Level[];
  /** One line, no draft text. */
  rationale: string;
  provenance: Provenance;
  mode: Mode;
  route: Route;
  /** True when an auto-eligible draft was drawn for the audit sample and sent to the human. */
  auditSampled: boolean;
  /**
   * True when a shadow-mode interrupt was drawn for a blind review: the reviewer saw no verdict,
   * score or rationale (the verdict is still computed and stored). Absent means seen.
   */
  blind?: boolean;
  /** Escalation trigger codes that fired (route is `escalate` when non-empty). */
  escalation: string[];
  /** Eligibility of the scope when the verdict was routed (absent when no store was attached). */
  eligibility?: Eligibility;
  createdAt: string;
  decision?: Decision;
  /**
   * `false` when the verdict is not persisted: the gate has no store, or the database refused the
   * write. The human can still decide it in the graph (`await_approval` applies the decision to the
   * graph state); absent on every stored verdict.
   */
  stored?: false;
  /**
   * True on an auto-routed verdict drawn for the post-hoc audit: it was executed, and waits in the
   * audit queue for a review after the fact (absent otherwise).
   */
  postHocSampled?: boolean;
}
