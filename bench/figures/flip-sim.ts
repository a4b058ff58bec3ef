/**
 * Figure — the flip over time: how the promotion rule and the breaker behave when eligibility is
 * checked after every decision (RESEARCH.md, "The flip over time"). Seeded Monte Carlo of the
 * package's own rules, with exact dynamic programs where the state is small enough.
 */
import type { BenchConfig, FigureResult } from "../figure.js";
import {
  agreementTestEverPassesExact,
  decidedToTrip,
  decisionsToFlip,
  seedEverEligibleExact,
  seededRandom,
  uniformGate,
  type Gate,
} from "../flip-sim-model.js";
import { median } from "../stats.js";
import { SEED_FLIP_POLICY, SEQUENTIAL_FLIP_POLICY } from "../../src/stats/policy.js";
import { alphaForRestart } from "../../src/stats/sequential.js";

const SEED = 18;

function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.01 ? 3 : 1)}%`;
}

interface Flips {
  rate: number;
  median: number | null;
}

function flips(gate: Gate, horizon: number, trials: number, seed: number): Flips {
  const random = seededRandom(seed);
  const times: number[] = [];
  for (let i = 0; i < trials; i += 1) {
    const t = decisionsToFlip(gate, SEQUENTIAL_FLIP_POLICY, horizon, random);
    if (t !== null) times.push(t);
  }
  return { rate: times.length / trials, median: times.length === 0 ? null : median(times) };
}

export async function flipSim(config: BenchConfig): Promise<FigureResult> {
  const trials = config.quick ? 2000 : 20000;
  const policy = SEQUENTIAL_FLIP_POLICY;
  const bar = Math.log(1 / alphaForRestart(policy.alpha, 0));
  const rows: string[][] = [];
  const verdicts: boolean[] = [];
  const check = (ok: boolean) => {
    verdicts.push(ok);
    return ok ? "met" : "**missed**";
  };

  for (const q of [0, 0.25, 0.5]) {
    config.log(`false flips at 0.75, q = ${q}`);
    const gate = uniformGate(0.75, q);
    const seq = flips(gate, 2000, trials, SEED + q * 100);
    const exact = agreementTestEverPassesExact(0.75, policy, bar, 2000);
    const seed = seedEverEligibleExact(gate, SEED_FLIP_POLICY, 2000);
    rows.push([
      `P(ever eligible within 2,000), true agreement 0.75, q = ${q}`,
      `${pct(seq.rate)} (exact bound ${pct(exact)})`,
      `${pct(seed)} (exact)`,
      "≤ 1%",
      check(seq.rate <= 0.01 && exact <= 0.01),
    ]);
  }

  config.log("flips of a good gate");
  const good = uniformGate(0.95, 0.25);
  const goodFlips = flips(good, 500, trials, SEED + 1);
  const seedGood = seedEverEligibleExact(good, SEED_FLIP_POLICY, 500);
  rows.push([
    "P(flips within 500), true 0.95, q = 0.25",
    pct(goodFlips.rate),
    `${pct(seedGood)} (exact)`,
    "≥ 99%",
    check(goodFlips.rate >= 0.99),
  ]);
  rows.push([
    "median decided verdicts to flip, true 0.95, q = 0.25",
    String(goodFlips.median ?? "-"),
    "-",
    "≤ 70",
    check(goodFlips.median !== null && goodFlips.median <= 70),
  ]);
  const ninety = flips(uniformGate(0.9, 0.25), 500, trials, SEED + 2);
  const seedNinety = seedEverEligibleExact(uniformGate(0.9, 0.25), SEED_FLIP_POLICY, 500);
  rows.push([
    "P(flips within 500), true 0.90, q = 0.25 (median when it does)",
    `${pct(ninety.rate)} (${ninety.median ?? "-"})`,
    `${pct(seedNinety)} (exact)`,
    "-",
    "-",
  ]);
  const atBar = flips(uniformGate(0.8, 0), 500, trials, SEED + 3);
  rows.push([
    "P(flips within 500), true 0.80 (the threshold), q = 0",
    pct(atBar.rate),
    `${pct(seedEverEligibleExact(uniformGate(0.8, 0), SEED_FLIP_POLICY, 500))} (exact)`,
    "≤ 1%",
    check(atBar.rate <= 0.01),
  ]);

  config.log("breaker: pass-side drift, false trips, symmetric drift");
  const drift: Gate = { passRate: 0.6, passAgree: 0.53, failAgree: 0.95, q: 0.25 };
  let caught = 0;
  let random = seededRandom(SEED + 4);
  for (let i = 0; i < trials; i += 1) {
    const trip = decidedToTrip(drift, policy, 100_000, random);
    if (trip !== null && trip.passes <= 50) caught += 1;
  }
  rows.push([
    "pass-side drift (passes 0.53, fails 0.95, 5% audit) caught within 50 decided audited passes",
    pct(caught / trials),
    "0.5% within 50 decided verdicts (RESEARCH.md)",
    "≥ 95%",
    check(caught / trials >= 0.95),
  ]);
  let falseTrips = 0;
  random = seededRandom(SEED + 5);
  for (let i = 0; i < trials; i += 1) if (decidedToTrip(uniformGate(0.9, 0.25), policy, 1000, random) !== null) falseTrips += 1;
  rows.push([
    "runs that trip within 1,000 decided verdicts, true 0.90, q = 0.25",
    pct(falseTrips / trials),
    "100% (RESEARCH.md)",
    "≤ 5%",
    check(falseTrips / trials <= 0.05),
  ]);
  let symmetric = 0;
  random = seededRandom(SEED + 6);
  for (let i = 0; i < trials; i += 1) {
    const trip = decidedToTrip(uniformGate(0.7, 0.25), policy, 50, random);
    if (trip !== null) symmetric += 1;
  }
  rows.push(["symmetric drift to 0.70 caught within 50 decided verdicts", pct(symmetric / trials), "93% (RESEARCH.md)", "-", "-"]);

  const met = verdicts.filter(Boolean).length;
  return {
    id: "flip-sim",
    title: "The flip over time: sequential rule and CUSUM breaker",
    method:
      `Seeded Monte Carlo (${trials.toLocaleString("en-US")} trials per row${config.quick ? ", --quick" : ""}; the full run uses 20,000) of the package's ` +
      "own rules: the gate passes 60% of drafts, the human agrees with true probability p (on passes and fails alike unless stated), " +
      "a share q of disagreements on a pass are rejections (the rest edits), and eligibility is checked after every decision. The " +
      "breaker rows simulate auto mode: passes auto-approve except the 5% audit sample, fails and audited passes reach the human, and " +
      "the CUSUM detectors are run exactly as `checkBreaker` recomputes them. Exact dynamic programs: the seed rule (its state is the " +
      "agreement count plus whether a rejected pass was seen) and the sequential rule's agreement test alone (an upper bound of the " +
      "rule's false-flip probability, since eligibility needs it too).",
    headers: ["figure", "sequential (default)", "seed rule (`default` preset)", "goal", "goal met"],
    rows,
    notes: [
      `Sequential preset: SPRT of agreement ${policy.minAgreement} vs ${policy.targetAgreement} and of pass precision ${policy.minPassPrecision} vs ${policy.targetPassPrecision}, α = ${policy.alpha} split across evidence restarts (first epoch: ln(1/α₀) = ${bar.toFixed(2)}), at most one rejected pass per ${Math.ceil(1 / policy.maxRejectedPassRate)} decided passes, minimum ${policy.minDecided} decided.`,
      `CUSUM breaker: agreement in control at ${policy.breakerAgreement} (tuned to ${policy.breakerDriftAgreement}), pass precision in control at ${policy.breakerPassPrecision} (tuned to ${policy.breakerDriftPassPrecision}); thresholds derived for a ${pct(policy.breakerFalseTripRate)} false-trip rate per ${policy.breakerHorizon} observations.`,
      `${met} of ${verdicts.length} goals met.`,
    ],
    slower: [],
    headline: `false flip at 0.75 ≤ ${rows[0]?.[1] ?? "-"}; good gate flips ${pct(goodFlips.rate)} (median ${goodFlips.median ?? "-"}); pass drift caught ${pct(caught / trials)}; false trips ${pct(falseTrips / trials)}`,
  };
}
