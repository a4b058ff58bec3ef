import type { EscalationStats, EscalationStore } from "./types.js";

/**
 * The escalation KPIs of a scope (seed 004), all over the scope's whole history:
 *
 * - `escalationRate` = verdicts routed `escalate` / all verdicts.
 * - `escalationAppropriateness` = resolved escalations the owner marked appropriate / resolved escalations.
 * - `handoffSufficiency` = resolved escalations whose package the owner marked sufficient / resolved escalations.
 * - `missedEscalationRate` = verdicts routed `auto` that were later decided `edit` or `reject` /
 *   verdicts routed `auto` that were later decided at all (`approve`, `edit` or `reject`; `skip`
 *   counts nowhere). An auto-approved draft only gets a decision when an audit backfills one by id
 *   (`autonomy-gate decide`), so this is the share of audited auto-approvals found wrong.
 *
 * A ratio with a zero denominator is null (unknown), never 0.
 */
export interface EscalationKpis {
  escalationRate: number | null;
  escalationAppropriateness: number | null;
  missedEscalationRate: number | null;
  handoffSufficiency: number | null;
  /** The counts behind the ratios. */
  escalations: EscalationStats;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export async function escalationKpis(store: Pick<EscalationStore, "escalationStats">, scope: string): Promise<EscalationKpis> {
  const stats = await store.escalationStats(scope);
  return {
    escalationRate: share(stats.escalated, stats.verdicts),
    escalationAppropriateness: share(stats.appropriate, stats.resolved),
    missedEscalationRate: share(stats.autoWrong, stats.autoDecided),
    handoffSufficiency: share(stats.sufficient, stats.resolved),
    escalations: stats,
  };
}
