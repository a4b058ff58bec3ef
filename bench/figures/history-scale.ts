/**
 * Figure 3 — history scale: the eligibility check (on every gated draft's path) and the full
 * `status` computation at growing numbers of decided verdicts in one scope. For contrast, what
 * the check would cost as an aggregate query over the verdict rows instead of the counters.
 */
import { createClient } from "@libsql/client";
import { scopeEligibility } from "../../src/decisions/eligibility.js";
import { computeStatus } from "../../src/decisions/status.js";
import { createGateStore } from "../../src/store/create-gate-store.js";
import type { BenchConfig, FigureResult } from "../figure.js";
import { count, fileUrl, fmt, ms, sample, timeOnce } from "../harness.js";
import { seedHistory } from "../seed-history.js";
import { median, medianOfRuns, ratio, summarize } from "../stats.js";

const SCOPE = "bench:history";
const PROVENANCE_KEY = "bench-provenance-key";

const NAIVE_SQL = `SELECT passed, decision_type, count(*) FROM verdicts
  WHERE scope = ? AND provenance_key = ? AND epoch = 0 AND decision_type IN ('approve', 'edit', 'reject')
  GROUP BY passed, decision_type`;

interface SizeResult {
  size: number;
  seedMs: number;
  eligibility: { p50: number; p99: number };
  status: { p50: number; p99: number };
  escalationStatsMs: number;
  trendMs: number;
  recountMs: number;
  naiveMs: number;
}

export async function historyScale(config: BenchConfig): Promise<FigureResult> {
  const sizes = config.quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  const rounds = config.quick ? 2 : 3;
  const eligibilityIterations = config.quick ? 300 : 2000;
  const statusIterations = config.quick ? 30 : 200;
  const naiveReps = config.quick ? 2 : 3;
  const url = fileUrl(config.tmpDir, "history.db");

  const results: SizeResult[] = [];
  for (const size of sizes) {
    // One database grown in place: 10k, then +90k, then +900k.
    const seedMs = await timeOnce(() => seedHistory(url, { scope: SCOPE, provenanceKey: PROVENANCE_KEY, total: size }));
    config.log(`history: ${count(size)} decided verdicts seeded in ${ms(seedMs)}`);
    const store = createGateStore({ url });
    try {
      const state = await store.getScopeState(SCOPE);
      const eligibility = medianOfRuns(
        await runs(rounds, () => sample(() => scopeEligibility(store, state), { warmup: 50, iterations: eligibilityIterations })),
      );
      const status = medianOfRuns(
        await runs(rounds, () => sample(() => computeStatus(store, { scope: SCOPE }), { warmup: 3, iterations: statusIterations, budgetMs: config.quick ? 1500 : 8000 })),
      );
      // The parts of status that read the scope's whole history, each timed on its own.
      const partBudget = { warmup: 1, iterations: 20, budgetMs: config.quick ? 500 : 3000 };
      const escalationStats = await sample(() => store.escalationStats(SCOPE), partBudget);
      const trend = await sample(() => store.escalationTrend(SCOPE), partBudget);
      const recount = await sample(() => store.recountCounts(SCOPE, PROVENANCE_KEY, state.epoch), partBudget);
      const naive = createClient({ url });
      try {
        const naiveSamples = await sample(() => naive.execute({ sql: NAIVE_SQL, args: [SCOPE, PROVENANCE_KEY] }), { warmup: 1, iterations: naiveReps });
        results.push({ size, seedMs, eligibility, status, escalationStatsMs: median(escalationStats), trendMs: median(trend), recountMs: median(recount), naiveMs: median(naiveSamples) });
      } finally {
        naive.close();
      }
    } finally {
      store.close();
    }
  }

  const first = results[0] as SizeResult;
  const last = results[results.length - 1] as SizeResult;
  const growth = ratio(last.size, first.size);
  const eligibilityGrowth = ratio(last.eligibility.p50, first.eligibility.p50);
  const statusGrowth = ratio(last.status.p50, first.status.p50);
  return {
    id: "history",
    title: "History scale: eligibility check and status vs decided verdicts in one scope",
    method:
      `One scope in a file database grown to ${sizes.map(count).join(", ")} decided verdicts. Rows are seeded through the real ` +
      "schema (migrated first) with one `INSERT … SELECT` over a recursive counter per 100k-row transaction; the agreement " +
      "counters are moved in the same transaction from the rows just inserted, so they match what `recordDecision` writes. " +
      `At each size: \`scopeEligibility(store, state)\` ${eligibilityIterations}× and \`computeStatus(store, { scope })\` ` +
      `up to ${statusIterations}× (capped at ${config.quick ? 1.5 : 8} s) per round after warm-up, ${rounds} rounds, median of the per-round p50/p99. The last column is ` +
      `the same 2×2 table computed by an aggregate query over the verdict rows instead of the counters (median of ${naiveReps}); ` +
      "the three columns before it time, each on its own, the parts of `status` that read the scope's whole history: the " +
      "escalation KPIs (`store.escalationStats`), the escalation trend (`store.escalationTrend`, 7 / 30 days and all time) and " +
      "the recount of the counters that guards eligibility (`store.recountCounts`, a grouped read of a covering index)." +
      (config.quick ? " `--quick`: 10k and 100k only, fewer iterations and rounds." : ""),
    headers: [
      "decided verdicts",
      "seed time",
      "eligibility p50",
      "eligibility p99",
      "status p50",
      "status p99",
      "escalation KPIs (p50)",
      "escalation trend (p50)",
      "recount (p50)",
      "aggregate query instead of counters",
    ],
    rows: results.map((r) => [
      count(r.size),
      ms(r.seedMs),
      ms(r.eligibility.p50),
      ms(r.eligibility.p99),
      ms(r.status.p50),
      ms(r.status.p99),
      ms(r.escalationStatsMs),
      ms(r.trendMs),
      ms(r.recountMs),
      ms(r.naiveMs),
    ]),
    notes: [
      `From ${count(first.size)} to ${count(last.size)} verdicts (${fmt(growth, 0)}× the history) the eligibility check's p50 ` +
        `changes ${fmt(eligibilityGrowth)}× and status's ${fmt(statusGrowth)}×; the aggregate query grows ` +
        `${fmt(ratio(last.naiveMs, first.naiveMs))}×. The check reads one counter row by primary key, so it does not grow with history.`,
    ],
    slower: [
      statusGrowth > 2
        ? `\`status\` (an operator command, not on the draft path) grows ${fmt(statusGrowth)}× over ${fmt(growth, 0)}× the history, ` +
          `because three of its parts read the scope's whole history (timed separately, p50 at ${count(last.size)}): the escalation ` +
          `KPIs ${ms(last.escalationStatsMs)}, the all-time escalation trend ${ms(last.trendMs)} and the recount that guards ` +
          `eligibility ${ms(last.recountMs)}, of status's ${ms(last.status.p50)}. The agreement figures come from the counters, and ` +
          "the autonomy rate, the reviews, the tokens and the calibration from index-backed windows of 1,000 rows."
        : "",
    ].filter((line) => line !== ""),
    headline:
      `eligibility p50 ${ms(first.eligibility.p50)} at ${count(first.size)} → ${ms(last.eligibility.p50)} at ${count(last.size)} ` +
      `(${fmt(eligibilityGrowth)}×); status p50 ${ms(last.status.p50)} at ${count(last.size)}`,
  };
}

async function runs<T extends number[]>(rounds: number, fn: () => Promise<T>) {
  const out: Array<{ p50: number; p99: number }> = [];
  for (let i = 0; i < rounds; i++) {
    const { p50, p99 } = summarize(await fn());
    out.push({ p50, p99 });
  }
  return out;
}
