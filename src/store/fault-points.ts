/**
 * Named points inside the store's multi-step writes, for crash tests: a test process installs a
 * hook (e.g. one that SIGKILLs itself at the n-th point) and checks that what survives the kill is
 * all or nothing. Without a hook a point costs one null check. Not part of the public API.
 */

/** The steps of a decision's transaction, in order (see decide-tx.ts; the audit entries are appended last, write-body.ts). */
export const DECISION_STEPS = [
  "decision_row_written",
  "counter_moved",
  "decision_audit_queued",
  "ledger_updated",
  "swing_back_checked",
  "breaker_tripped",
  "audit_appended",
  "committed",
] as const;

export type FaultPoint = (typeof DECISION_STEPS)[number];

let hook: ((point: FaultPoint) => void) | null = null;

/** Installs (or, with null, removes) the hook called at every fault point. */
export function setFaultHook(next: ((point: FaultPoint) => void) | null): void {
  hook = next;
}

/** Marks that `point` was reached. */
export function faultPoint(point: FaultPoint): void {
  hook?.(point);
}
