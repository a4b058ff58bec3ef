import type { DecisionType, Draft, Evidence, Level, Mode, Route, Step, Violation } from "../types.js";
import type { EscalationCode, EscalationTrigger } from "./codes.js";
import type { EscalationPriority } from "./routing-rules.js";

/** One earlier (or the current) gated draft of the thread, as the owner sees it. No draft text. */
export interface EscalationAttempt {
  verdictId: string;
  passed: boolean;
  composite: number | null;
  /** Violation codes of that verdict. */
  violations: string[];
  route: Route;
  /** The human decision on it, if any. */
  decision: DecisionType | null;
  createdAt: string;
}

/** The verdict that escalated, summarised for the owner. */
export interface EscalationVerdictSummary {
  verdictId: string;
  passed: boolean;
  composite: number | null;
  levels: Array<{ level: Level; score: number | null; reason: string }>;
  violations: Violation[];
  unscored: Level[];
  rationale: string;
  mode: Mode;
}

/**
 * Everything the owner needs to take over without re-investigating (seed 004): the goal, what was
 * attempted, the intermediate results, the agent's best guess and why it escalated. It holds the
 * draft, so it passes through the host's redaction hook before it is persisted or shown.
 */
export interface EscalationPackage {
  escalationId: string;
  scope: string;
  threadId: string;
  goal: string;
  /** The thread's gated drafts, oldest first, the escalating one last. */
  attempts: EscalationAttempt[];
  /** The step board: intermediate results that led to the draft. */
  steps: Step[];
  /** The agent's best guess: the draft it would have sent. */
  bestGuess: Draft;
  evidence?: Evidence;
  /** Why it escalated, in words. */
  triggers: EscalationTrigger[];
  verdict: EscalationVerdictSummary;
}

export const ESCALATION_OUTCOMES = ["resolved_by_human", "returned_to_agent"] as const;
/** How the owner closed an escalation: they finished the task, or handed it back to the agent. */
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];
export type EscalationStatus = "open" | EscalationOutcome;

/** The owner's resolution, backfilled onto the escalation record. */
export interface EscalationResolution {
  resolution: EscalationOutcome;
  /** Did the case really need a human? (escalation appropriateness) */
  appropriate: boolean;
  /** Could the owner take over from the package alone? (handoff sufficiency) */
  sufficient: boolean;
  note?: string;
  /** Who resolved it (user id, queue, `cli`). */
  by?: string;
  /** ISO timestamp. */
  at: string;
}

export type ResolutionInput = Omit<EscalationResolution, "at"> & { at?: string };

/** A persisted escalation: one per escalated verdict (its id derives from the verdict id). */
export interface EscalationRecord {
  id: string;
  verdictId: string;
  scope: string;
  threadId: string;
  queue: string;
  priority: EscalationPriority;
  codes: EscalationCode[];
  /** The package after the host's redaction hook. */
  package: EscalationPackage;
  status: EscalationStatus;
  resolution: EscalationResolution | null;
  createdAt: string;
}

/** What the escalate node hands the store; the store stamps status `open` and `createdAt`. */
export type NewEscalation = Omit<EscalationRecord, "status" | "resolution" | "createdAt">;

/** Per-scope counts behind the escalation KPIs of `status`. */
export interface EscalationStats {
  /** Every verdict of the scope. */
  verdicts: number;
  /** Verdicts routed `escalate`. */
  escalated: number;
  /** Escalation records (one per escalated verdict that reached the escalate node). */
  escalations: number;
  open: number;
  resolved: number;
  appropriate: number;
  sufficient: number;
  /** Verdicts routed auto that later got a decision (approve, edit or reject) — from an audit. */
  autoDecided: number;
  /** Of those, the ones decided edit or reject: the missed escalations. */
  autoWrong: number;
}

/** The escalation half of the store (implemented by `createGateStore`). */
export interface EscalationStore {
  /**
   * Inserts an open escalation and its `escalation_opened` audit entry in one transaction. An id
   * already stored returns the stored record unchanged (`inserted: false`), so a re-run node never
   * opens a second one.
   */
  saveEscalation(record: NewEscalation): Promise<{ record: EscalationRecord; inserted: boolean }>;
  getEscalation(id: string): Promise<EscalationRecord | null>;
  /** Newest first. `open: true` keeps only unresolved ones. @default limit 100 */
  listEscalations(filter?: { scope?: string; open?: boolean; limit?: number }): Promise<EscalationRecord[]>;
  /**
   * Backfills the owner's resolution and audits it as `escalation_resolved`. Recording the same
   * resolution again changes nothing (`changed: false`); a different one replaces it and is audited.
   * @throws NotFoundError for an unknown id.
   */
  resolveEscalation(id: string, resolution: ResolutionInput): Promise<{ record: EscalationRecord; changed: boolean }>;
  /** Counts for the escalation KPIs of a scope. */
  escalationStats(scope: string): Promise<EscalationStats>;
}

/** Verdicts and escalations per trigger code over one window. */
export interface EscalationWindow {
  verdicts: number;
  /** Verdicts routed `escalate`. */
  escalated: number;
  /** Verdicts on which each trigger fired (a verdict may count under several). */
  byTrigger: Record<string, number>;
}

export interface EscalationTrend {
  last7d: EscalationWindow;
  last30d: EscalationWindow;
  all: EscalationWindow;
}
