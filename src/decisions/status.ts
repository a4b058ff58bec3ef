import { escalationKpis, type EscalationKpis } from "./escalation-kpis.js";
import { autonomyRateBand, type AutonomyRateBand } from "../competence/autonomy-band.js";
import { competenceBand, type CompetenceBand } from "../competence/band.js";
import { autonomyLevel, LEVEL_ROLES, type AutonomyLevel } from "../competence/levels.js";
import { resolveCompetence, type CompetenceOptions } from "../competence/options.js";
import { summarize } from "../stats/agreement.js";
import { calibrationFigures, type CalibrationFigures } from "./calibrate.js";
import type { EscalationTrend } from "../escalation/types.js";
import { EMPTY_COUNTS } from "../stats/agreement.js";
import { cohensKappa } from "../stats/kappa.js";
import { wilsonLower } from "../stats/wilson.js";
import type { BreakerState, FlipPolicy, GateStore, ScopeState } from "../store/types.js";
import type { Mode, Verdict } from "../types.js";
import { scopeEligibility } from "./eligibility.js";
import { blindSeenAgreement, reviewerReport, type BlindSeenAgreement, type ReviewerReport, type ReviewRecord } from "../stats/reviewers.js";
import { policyConflict, policyFor } from "./policy-for.js";
import { tokenFigures, type TokenFigures } from "./token-figures.js";

/** Everything the operator sees for one scope (`autonomy-gate status`), escalation KPIs included. */
export interface ScopeStatus extends EscalationKpis {
  scope: string;
  mode: Mode;
  breaker: BreakerState;
  breakerReason: string | null;
  epoch: number;
  provenanceKey: string | null;
  n: number;
  agreement: number | null;
  wilsonLower: number | null;
  kappa: number | null;
  passPrecision: number | null;
  rejectedPasses: number;
  eligible: boolean;
  /** Why not eligible (empty when eligible). */
  reasons: string[];
  /** The rule's false-flip guarantee in words (sequential preset); null for the other presets. */
  guarantee: string | null;
  /** Agreement on blind reviews next to agreement on seen ones, over the latest reviews. */
  reviews: BlindSeenAgreement;
  /** Per reviewer: approve rate, median decision time, blind/seen agreement, rubber-stamp flag. */
  reviewers: ReviewerReport[];
  /**
   * Set when the caller passed a policy other than the scope's policy of record: eligibility is
   * still judged on the policy of record, and this says so.
   */
  policyConflict: string | null;
  /** Share of the latest verdicts routed auto. */
  autonomyRate: number | null;
  /** Seed 000's stage for that rate: manual, pairing, checkpoints, delegation, autonomous. */
  autonomyBand: AutonomyRateBand | null;
  /** Verdicts the autonomy rate looks at. */
  autonomyWindow: number;
  policy: FlipPolicy;
  /** The scope's policy version: verdicts and decisions are stamped with it. */
  policyVersion: number;
  /**
   * The level the scope operates at now, capped by its ceiling (seed 001): L1 (operator) with the
   * kill switch on, L2 (collaborator) while guidance-seeking, L3 (consultant) in shadow, L4
   * (approver) in auto with the breaker closed (L5, observer, is reserved for auto with post-hoc
   * audit alone, which the gate never runs).
   */
  level: AutonomyLevel;
  /** The user's role at that level. */
  role: string;
  /** The scope's ceiling; null when uncapped. */
  ceiling: AutonomyLevel | null;
  /** Belief strength of the competence ledger (the configured initial before any decision). */
  competence: number;
  competenceBand: CompetenceBand;
  /** Decisions the ledger has counted. */
  competenceUpdates: number;
  /**
   * Calibration on the current provenance key over the newest 1000 decided verdicts: the reliability
   * table, the composite's Brier score, per-level agreement, and agreement over the newest 50
   * decided verdicts of each mode beside the cumulative figure.
   */
  calibration: CalibrationFigures;
  /** Escalation rate per trigger: last 7 days, last 30 days, all time. */
  escalationTrend: EscalationTrend;
  /** Judge tokens over the latest verdicts (the review window): per verdict and per UTC day. */
  tokens: TokenFigures;
}

export interface StatusOptions {
  scope?: string;
  /** How many of the latest verdicts the autonomy rate covers. @default 1000 */
  autonomyWindow?: number;
  gatePolicy?: FlipPolicy;
  /** The competence ledger's options (bands, initial value, enforcement). @default {} */
  competence?: CompetenceOptions;
  /** How many of the latest verdicts the review report and the token figures read. @default 1000 */
  reviewWindow?: number;
  /** Rubber-stamp flag: seen minus blind agreement above this, per reviewer. @default 0.15 */
  rubberStampMargin?: number;
  /** Blind reviews a reviewer needs before the flag can be raised. @default 10 */
  rubberStampMinBlind?: number;
}

/** Status of one scope, or of every scope the store knows. */
export async function computeStatus(store: GateStore, options: StatusOptions = {}): Promise<ScopeStatus[]> {
  const states = options.scope ? [await store.getScopeState(options.scope)] : await store.listScopes();
  const killSwitch = await store.getKillSwitch();
  return Promise.all(states.map((state) => scopeStatus(store, state, options, killSwitch)));
}

async function scopeStatus(store: GateStore, state: ScopeState, options: StatusOptions, killSwitch: boolean): Promise<ScopeStatus> {
  const counts = state.provenanceKey ? await store.getCounts(state.scope, state.provenanceKey, state.epoch) : EMPTY_COUNTS;
  const summary = summarize(counts);
  const eligibility = await scopeEligibility(store, state, options.gatePolicy, options.competence, { recount: true });
  const config = resolveCompetence(options.competence);
  const [ledger, ceiling, policyVersion] = await Promise.all([
    store.getCompetence(state.scope),
    store.getCeiling(state.scope),
    store.getPolicyVersion(state.scope),
  ]);
  const strength = ledger?.strength ?? config.initial;
  const band = competenceBand(strength, config);
  const level = autonomyLevel({ mode: state.mode, breaker: state.breaker, killSwitch, band, ceiling });
  const calibration = state.provenanceKey === null ? [] : await store.calibrationRecords(state.scope, { provenanceKey: state.provenanceKey, limit: 1000 });
  const window = options.autonomyWindow ?? 1000;
  const routes = await store.routeCounts(state.scope, window);
  const total = routes.auto + routes.human + routes.escalate;
  // One read of the latest verdicts serves the review report and the token figures.
  const latest = await store.listVerdicts({ scope: state.scope, limit: options.reviewWindow ?? 1000 });
  const records = reviewRecords(latest);
  return {
    scope: state.scope,
    mode: state.mode,
    breaker: state.breaker,
    breakerReason: state.breakerReason,
    epoch: state.epoch,
    provenanceKey: state.provenanceKey,
    n: summary.n,
    agreement: summary.agreement,
    wilsonLower: wilsonLower(summary.agree, summary.n),
    kappa: cohensKappa(counts),
    passPrecision: summary.passPrecision,
    rejectedPasses: summary.rejectedPasses,
    eligible: eligibility.eligible,
    reasons: eligibility.reasons,
    guarantee: eligibility.guarantee ?? null,
    reviews: blindSeenAgreement(records),
    reviewers: reviewerReport(records, {
      ...(options.rubberStampMargin === undefined ? {} : { margin: options.rubberStampMargin }),
      ...(options.rubberStampMinBlind === undefined ? {} : { minBlind: options.rubberStampMinBlind }),
    }),
    policyConflict: policyConflict(state, options.gatePolicy),
    autonomyRate: total === 0 ? null : routes.auto / total,
    autonomyBand: autonomyRateBand(total === 0 ? null : routes.auto / total),
    autonomyWindow: total,
    policy: policyFor(state, options.gatePolicy),
    policyVersion,
    level,
    role: LEVEL_ROLES[level],
    ceiling,
    competence: strength,
    competenceBand: band,
    competenceUpdates: ledger?.updates ?? 0,
    calibration: calibrationFigures(calibration, { window: 50 }),
    escalationTrend: await store.escalationTrend(state.scope),
    tokens: tokenFigures(latest),
    ...(await escalationKpis(store, state.scope)),
  };
}

/** The decided verdicts among the latest, as the review report reads them. */
function reviewRecords(latest: Verdict[]): ReviewRecord[] {
  return latest.flatMap((v) =>
    v.decision === undefined ? [] : [{ passed: v.passed, blind: v.blind === true, createdAt: v.createdAt, decision: v.decision }],
  );
}
