/**
 * Mapping between database rows and the shared types. Verdicts round-trip exactly: optional
 * fields absent on the way in are absent on the way out.
 */
import type { Decision, Verdict } from "../types.js";
import type { AuditRow, ScopeRow, VerdictRow } from "./tables.js";
import type { AuditEntry, ScopeState } from "./types.js";

/** The row for a new verdict, stamped with the scope's evidence epoch and policy version. */
export function verdictToRow(verdict: Verdict, stamp: { epoch: number; policyVersion: number }): VerdictRow {
  return {
    id: verdict.id,
    scope: verdict.scope,
    threadId: verdict.threadId,
    draftHash: verdict.draftHash,
    provenanceKey: verdict.provenance.provenanceKey,
    epoch: stamp.epoch,
    passed: verdict.passed,
    composite: verdict.composite,
    mode: verdict.mode,
    route: verdict.route,
    auditSampled: verdict.auditSampled,
    blind: verdict.blind ?? false,
    levels: verdict.levels,
    violations: verdict.violations,
    unscored: verdict.unscored,
    provenance: verdict.provenance,
    eligibility: verdict.eligibility ?? null,
    escalation: verdict.escalation,
    rationale: verdict.rationale,
    policyVersion: stamp.policyVersion,
    createdAt: verdict.createdAt,
    decisionType: verdict.decision?.type ?? null,
    decision: verdict.decision === undefined ? null : normalizeDecision(verdict.decision),
    decidedAt: verdict.decision?.at ?? null,
    decisionPolicyVersion: verdict.decision === undefined ? null : stamp.policyVersion,
    postHocSampled: verdict.postHocSampled === true,
  };
}

export function rowToVerdict(row: VerdictRow): Verdict {
  const verdict: Verdict = {
    id: row.id,
    scope: row.scope,
    threadId: row.threadId,
    draftHash: row.draftHash,
    levels: row.levels,
    composite: row.composite,
    passed: row.passed,
    violations: row.violations,
    unscored: row.unscored,
    rationale: row.rationale,
    provenance: row.provenance,
    mode: row.mode,
    route: row.route,
    auditSampled: row.auditSampled,
    escalation: row.escalation,
    createdAt: row.createdAt,
  };
  if (row.blind) verdict.blind = true;
  if (row.eligibility !== null) verdict.eligibility = row.eligibility;
  if (row.decision !== null) verdict.decision = row.decision;
  if (row.postHocSampled) verdict.postHocSampled = true;
  return verdict;
}

/** A decision with its optional fields present only when set. */
export function normalizeDecision(decision: Decision): Decision {
  const out: Decision = { type: decision.type, at: decision.at };
  if (decision.note !== undefined) out.note = decision.note;
  if (decision.editedDraftHash !== undefined) out.editedDraftHash = decision.editedDraftHash;
  if (decision.by !== undefined) out.by = decision.by;
  return out;
}

/** The state of a scope that has never been written: shadow, breaker closed, epoch 0. */
export function defaultScopeRow(scope: string, now: Date): ScopeRow {
  return {
    scope,
    mode: "shadow",
    breaker: "closed",
    breakerReason: null,
    epoch: 0,
    policy: null,
    policyVersion: 0,
    provenanceKey: null,
    revivedAgree: null,
    updatedAt: now.toISOString(),
  };
}

export function rowToScopeState(row: ScopeRow): ScopeState {
  return {
    scope: row.scope,
    mode: row.mode,
    breaker: row.breaker,
    breakerReason: row.breakerReason,
    epoch: row.epoch,
    policy: row.policy,
    provenanceKey: row.provenanceKey,
    revivedAgree: row.revivedAgree,
    updatedAt: row.updatedAt,
  };
}

export function rowToAuditEntry(row: AuditRow): AuditEntry {
  return { ...row };
}
