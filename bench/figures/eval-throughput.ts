/**
 * Figure 5 — eval throughput: the shipped goldens, replicated with varied ids to 1,000 cases,
 * run by the golden runner on their scripted judge replies at concurrency 1 and 8.
 */
import { fileURLToPath } from "node:url";
import { loadGoldens, type GoldenSuite } from "../../evals/load-goldens.js";
import { runGoldens } from "../../evals/run-goldens.js";
import type { BenchConfig, FigureResult } from "../figure.js";
import { count, fmt, ms, timeOnce } from "../harness.js";
import { median, perSecond, ratio } from "../stats.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GOLDEN_DIRS = ["goldens/gate", "goldens/outreach"];

/** `total` cases cycling through the shipped ones; copy k of case `id` is `id#k`. */
export function replicateGoldens(suites: GoldenSuite[], total: number): GoldenSuite {
  const shipped = suites.flatMap((s) => s.cases);
  if (shipped.length === 0) throw new Error("no shipped goldens to replicate");
  const cases = Array.from({ length: total }, (_, i) => {
    const source = shipped[i % shipped.length]!;
    const copy = Math.floor(i / shipped.length);
    return { ...source, golden: { ...source.golden, id: `${source.golden.id}#${copy}` } };
  });
  return { name: "bench-replicated", dir: suites[0]?.dir ?? ROOT, cases };
}

export async function evalThroughput(config: BenchConfig): Promise<FigureResult> {
  const total = config.quick ? 250 : 1000;
  const rounds = config.quick ? 2 : 5;
  const shipped = await Promise.all(GOLDEN_DIRS.map((dir) => loadGoldens(dir, { cwd: ROOT })));
  const shippedCount = shipped.reduce((n, s) => n + s.cases.length, 0);
  const suite = replicateGoldens(shipped, total);
  // Warm-up: one pass of the whole replicated suite (the runner's code paths get compiled).
  await runGoldens([suite], { concurrency: 4 });

  const levels = [1, 8] as const;
  const walls: Record<(typeof levels)[number], number[]> = { 1: [], 8: [] };
  const passRates: Record<(typeof levels)[number], number> = { 1: 0, 8: 0 };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate the order each round so neither level always runs on a warmer process.
    const order = round % 2 === 0 ? levels : ([...levels].reverse() as unknown as typeof levels);
    const wall: Record<number, number> = {};
    for (const concurrency of order) {
      wall[concurrency] = await timeOnce(async () => {
        passRates[concurrency] = (await runGoldens([suite], { concurrency })).passRate;
      });
      walls[concurrency].push(wall[concurrency] as number);
    }
    ratios.push(ratio(wall[8] as number, wall[1] as number));
    config.log(`evals: round ${round + 1}: ${ms(wall[1] as number)} at concurrency 1, ${ms(wall[8] as number)} at 8`);
  }
  const results = levels.map((concurrency) => ({ concurrency, wallMs: median(walls[concurrency]), passRate: passRates[concurrency] }));
  const speed = median(ratios);
  const one = results[0]!;
  const eight = results[1]!;
  return {
    id: "evals",
    title: `Eval throughput: ${count(total)} golden cases on scripted judge replies`,
    method:
      `The ${shippedCount} shipped goldens (${GOLDEN_DIRS.join(", ")}) replicated with varied ids to ${count(total)} cases and run by ` +
      "`runGoldens` (the runner behind `autonomy-gate eval`) on each case's scripted judge replies: a fresh gate per case, " +
      `every level evaluated, the verdict compared with the expectation. One unmeasured warm-up pass over all the cases; then ` +
      `${rounds} round(s), each running concurrency 1 and 8 (order alternating); medians across rounds.` +
      (config.quick ? " `--quick`: 250 cases, two rounds." : ""),
    headers: ["concurrency", "wall time", "cases/s", "pass rate"],
    rows: results.map((r) => [String(r.concurrency), ms(r.wallMs), fmt(perSecond(total, r.wallMs), 0), `${fmt(r.passRate * 100, 1)}%`]),
    notes: [
      `At concurrency 8 the run takes ${fmt(speed)}× the wall time of concurrency 1 (median of the per-round ratios; the wall times above are medians taken separately). Scripted replies ` +
        "answer instantly, so the run is CPU-bound on one Node thread and concurrency has nothing to overlap; against a live judge, where each case waits on the network, concurrency is what sets the wall time.",
    ],
    slower: [],
    headline: `${fmt(perSecond(total, one.wallMs), 0)} cases/s at concurrency 1, ${fmt(perSecond(total, eight.wallMs), 0)} at 8`,
  };
}
