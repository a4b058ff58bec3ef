/**
 * `npm run bench [-- --quick] [-- --only id,id] [-- --out file]`: runs the benchmark figures,
 * prints each as it completes, and (for a full run of every figure, or with --out) writes
 * BENCHMARKS.md.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { FIGURE_IDS, type BenchConfig, type FigureId, type FigureResult } from "./figure.js";
import { FIGURES } from "./figures/index.js";
import { makeTmpDir } from "./harness.js";
import { benchCommand, machineInfo } from "./machine.js";
import { benchmarksMarkdown, formatFigureText, summaryRows, textTable } from "./report.js";

const USAGE = `Usage: npm run bench -- [--quick] [--only ${FIGURE_IDS.join(",")}] [--out BENCHMARKS.md]
  --quick   smaller sizes and fewer repetitions (minutes, not the full run's quarter hour); prints only, unless --out is given
  --only    run these figures only; prints only, unless --out is given
  --out     write the Markdown results to this file (default for a full run: BENCHMARKS.md)`;

interface CliOptions {
  quick: boolean;
  only: FigureId[];
  out: string | null;
}

function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = values.only === undefined ? [...FIGURE_IDS] : values.only.split(",").map((s) => s.trim());
  const unknown = only.filter((id) => !(FIGURE_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new Error(`Unknown figure ${unknown.map((u) => `"${u}"`).join(", ")}: expected one of ${FIGURE_IDS.join(", ")}`);
  const full = !values.quick && values.only === undefined;
  return { quick: values.quick, only: only as FigureId[], out: values.out ?? (full ? "BENCHMARKS.md" : null) };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const cli = parseCli(argv);
  const tmp = makeTmpDir();
  const config: BenchConfig = { quick: cli.quick, tmpDir: tmp.dir, log: (line) => process.stderr.write(`  ${line}\n`) };
  const machine = machineInfo();
  console.log(`autonomy-gate benchmarks — ${benchCommand(argv)}`);
  console.log(`${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, load ${machine.load1}, ${machine.date}\n`);
  const started = performance.now();
  const results: FigureResult[] = [];
  try {
    for (const id of cli.only) {
      process.stderr.write(`[${id}] running…\n`);
      const figureStarted = performance.now();
      const result = await FIGURES[id](config);
      results.push(result);
      process.stderr.write(`[${id}] done in ${((performance.now() - figureStarted) / 1000).toFixed(1)} s\n`);
      console.log(`${formatFigureText(result)}\n`);
    }
  } finally {
    tmp.remove();
  }
  const totalMs = performance.now() - started;
  console.log(textTable(["figure", "result", "reproduce"], summaryRows(results).map((r) => r.map((c) => c.replace(/`/g, "")))));
  console.log(`\nTotal ${(totalMs / 1000).toFixed(1)} s`);
  if (cli.out !== null) {
    writeFileSync(cli.out, benchmarksMarkdown({ machine, args: argv, figures: results, totalMs }));
    console.log(`Wrote ${cli.out}`);
  }
}

main().then(
  // Forked writers and libSQL handles must not keep a finished run alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
  },
);
