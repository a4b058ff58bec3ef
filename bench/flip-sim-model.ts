/**
 * The flip simulated over time (RESEARCH.md, "The flip over time"): the gate passes a share of
 * drafts, the human agrees with the gate with a true probability (separately for passes and
 * fails), a share q of disagreements on a pass are rejections (the rest edits), and the operator
 * checks eligibility after every decision. Seeded, pure; the rules are the package's own.
 */
import { evaluateEligibility } from "../src/stats/criterion.js";
import { isSequentiallyEligible } from "../src/stats/sequential-rule.js";
import { cusumPeak, designCusum } from "../src/stats/cusum.js";
import type { AgreementCounts, FlipPolicy } from "../src/store/types.js";
import type { DecisionType } from "../src/types.js";

/** mulberry32: a small, fast, seeded generator of uniforms in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Gate {
  /** Share of drafts the gate passes. */
  passRate: number;
  /** P(human approves | pass). */
  passAgree: number;
  /** P(human edits or rejects | fail). */
  failAgree: number;
  /** Share of disagreements on a pass that are rejections. */
  q: number;
}

/** A gate whose agreement is `p` on passes and fails alike. */
export function uniformGate(p: number, q: number, passRate = 0.6): Gate {
  return { passRate, passAgree: p, failAgree: p, q };
}

export function drawDecision(gate: Gate, random: () => number): { passed: boolean; decision: DecisionType } {
  const passed = random() < gate.passRate;
  if (passed) {
    if (random() < gate.passAgree) return { passed, decision: "approve" };
    return { passed, decision: random() < gate.q ? "reject" : "edit" };
  }
  if (random() < gate.failAgree) return { passed, decision: random() < 0.5 ? "edit" : "reject" };
  return { passed, decision: "approve" };
}

const CELL = {
  approve: ["passApprove", "failApprove"],
  edit: ["passEdit", "failEdit"],
  reject: ["passReject", "failReject"],
} as const;

/**
 * Decisions (checked after every one) until the policy first calls the scope eligible, or null
 * when it never does within `horizon`.
 */
export function decisionsToFlip(gate: Gate, policy: FlipPolicy, horizon: number, random: () => number): number | null {
  const counts: AgreementCounts = { passApprove: 0, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 0 };
  const eligible =
    policy.preset === "sequential"
      ? (c: AgreementCounts) => isSequentiallyEligible(c, policy)
      : (c: AgreementCounts) => evaluateEligibility(c, policy).eligible;
  for (let t = 1; t <= horizon; t += 1) {
    const { passed, decision } = drawDecision(gate, random);
    if (decision === "skip") continue;
    counts[CELL[decision][passed ? 0 : 1]] += 1;
    // As the store's counters do: mark where the clean passes after a rejected pass start.
    if (passed && decision === "reject") counts.passesAtLastReject = counts.passApprove + counts.passEdit + counts.passReject;
    if (eligible(counts)) return t;
  }
  return null;
}

/**
 * Auto mode: every draft is gated; a pass is auto-approved unless drawn for the audit sample; a
 * fail and an audited pass reach the human. Returns the decided verdicts and the decided passes
 * seen when the breaker first trips (null when it does not within `horizon` decided verdicts).
 * The CUSUM is run incrementally, exactly as `checkBreaker` recomputes it from the stream.
 */
export function decidedToTrip(
  gate: Gate,
  policy: FlipPolicy,
  horizon: number,
  random: () => number,
): { decided: number; passes: number } | null {
  const half = policy.breakerFalseTripRate / 2;
  const onAgreement = designCusum(1 - policy.breakerAgreement, 1 - policy.breakerDriftAgreement, half, policy.breakerHorizon);
  const onPasses = designCusum(1 - policy.breakerPassPrecision, 1 - policy.breakerDriftPassPrecision, half, policy.breakerHorizon);
  const agreementStep = stepper(onAgreement.inControl, onAgreement.outOfControl);
  const passStep = stepper(onPasses.inControl, onPasses.outOfControl);
  let sAgreement = 0;
  let sPasses = 0;
  let decided = 0;
  let passes = 0;
  while (decided < horizon) {
    const { passed, decision } = drawDecision(gate, random);
    if (passed && random() >= policy.auditRate) continue; // auto-approved, never decided
    decided += 1;
    const agree = passed ? decision === "approve" : decision !== "approve";
    sAgreement = Math.max(0, sAgreement + agreementStep(!agree));
    if (passed) {
      passes += 1;
      sPasses = Math.max(0, sPasses + passStep(decision !== "approve"));
      if (decision === "reject" && policy.breakerTripOnRejectedPass) return { decided, passes };
    }
    if (sPasses >= onPasses.threshold || sAgreement >= onAgreement.threshold) return { decided, passes };
  }
  return null;
}

function stepper(inControl: number, outOfControl: number): (bad: boolean) => number {
  const up = cusumPeak([true], inControl, outOfControl).peak;
  const down = Math.log((1 - outOfControl) / (1 - inControl));
  return (bad) => (bad ? up : down);
}

/**
 * Exact P(ever eligible within `horizon` decisions) under the seed rule (n ≥ minDecided,
 * agreement ≥ minAgreement, no rejected pass — i.e. maxRejectedPasses = 0), checked after every
 * decision: a dynamic program over the agreements of the paths without a rejected pass (a rejected
 * pass leaves the chain for good: the lifetime veto), eligible paths absorbed.
 */
export function seedEverEligibleExact(gate: Gate, policy: FlipPolicy, horizon: number): number {
  const pAgree = gate.passRate * gate.passAgree + (1 - gate.passRate) * gate.failAgree;
  const pReject = gate.passRate * (1 - gate.passAgree) * gate.q;
  const pOther = 1 - pAgree - pReject; // disagreements that are not rejected passes
  let clean = new Float64Array(horizon + 2); // no rejected pass yet, by agreements
  clean[0] = 1;
  let absorbed = 0;
  for (let t = 1; t <= horizon; t += 1) {
    const next = new Float64Array(horizon + 2);
    for (let k = 0; k < t; k += 1) {
      const mass = clean[k] as number;
      if (mass === 0) continue;
      next[k + 1] = (next[k + 1] as number) + mass * pAgree;
      next[k] = (next[k] as number) + mass * pOther;
    }
    for (let k = 0; k <= t; k += 1) {
      if (t >= policy.minDecided && k / t >= policy.minAgreement) {
        absorbed += next[k] as number;
        next[k] = 0;
      }
    }
    clean = next;
  }
  return absorbed;
}

/**
 * Exact P(the sequential rule's agreement test ever passes within `horizon` decisions): an upper
 * bound on the rule's false-flip probability, since eligibility also needs it. Dynamic program over
 * the number of disagreements, eligible paths absorbed.
 */
export function agreementTestEverPassesExact(p: number, policy: FlipPolicy, bar: number, horizon: number): number {
  const up = Math.log(policy.targetAgreement / policy.minAgreement);
  const down = Math.log((1 - policy.targetAgreement) / (1 - policy.minAgreement));
  let dist = new Float64Array(horizon + 2); // by disagreements
  dist[0] = 1;
  let absorbed = 0;
  for (let t = 1; t <= horizon; t += 1) {
    const next = new Float64Array(horizon + 2);
    for (let d = 0; d < t; d += 1) {
      const mass = dist[d] as number;
      if (mass === 0) continue;
      next[d] = (next[d] as number) + mass * p;
      next[d + 1] = (next[d + 1] as number) + mass * (1 - p);
    }
    if (t >= policy.minDecided) {
      for (let d = 0; d <= t; d += 1) {
        if ((t - d) * up + d * down >= bar) {
          absorbed += next[d] as number;
          next[d] = 0;
        }
      }
    }
    dist = next;
  }
  return absorbed;
}
