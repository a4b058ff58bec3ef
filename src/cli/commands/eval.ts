import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { toJUnitXml } from "../../../evals/junit.js";
import { GoldenValidationError, loadGoldenSuites } from "../../../evals/load-goldens.js";
import { createProgress } from "../../../evals/progress.js";
import { meetsBar, runGoldens, type GoldenRunReport } from "../../../evals/run-goldens.js";
import { toMarkdownSummary } from "../../../evals/summary.js";
import { toResultTable } from "../../../evals/table.js";
import { AutonomyGateError } from "../../errors.js";
import { CliUsageError, type CliCommand, type CliIo } from "../io.js";
import { judgeFromEnv, type EnvJudge } from "../judge-from-env.js";
import { packageRoot } from "../package-root.js";

/** The suites the package ships, run when no folder is named (found in the package, not the cwd). */
const DEFAULT_DIRS = ["goldens/gate", "goldens/outreach"];
const USAGE = "autonomy-gate eval [dir ...] [--bar 0.8] [--junit FILE] [--summary FILE] [--concurrency N] [--judge-mode per-level|combined] [--live]";

/**
 * `autonomy-gate eval`: runs golden folders through the gate. Exit 0 when every suite's pass rate
 * reaches the bar, 1 when one does not, 2 on invalid goldens or configuration.
 */
export const evalCommand: CliCommand = {
  name: "eval",
  summary: "Run golden datasets against the gate (progress, table, JUnit XML, Markdown summary)",
  usage: USAGE,
  async run(argv, io) {
    try {
      return await runEval(argv, io);
    } catch (error: unknown) {
      if (error instanceof GoldenValidationError) {
        io.stderr(`Invalid goldens — nothing was run.\n${error.message}\n`);
        return 2;
      }
      if (error instanceof CliUsageError || isParseArgsError(error)) {
        io.stderr(`${(error as Error).message}\nUsage: ${USAGE}\n`);
        return 2;
      }
      if (error instanceof AutonomyGateError) {
        io.stderr(`${error.name}: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  },
};

async function runEval(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      bar: { type: "string" },
      junit: { type: "string" },
      summary: { type: "string" },
      concurrency: { type: "string" },
      live: { type: "boolean" },
      "judge-mode": { type: "string" },
    },
  });
  const judgeMode = values["judge-mode"];
  if (judgeMode !== undefined && judgeMode !== "per-level" && judgeMode !== "combined") {
    throw new CliUsageError(`--judge-mode must be "per-level" or "combined", got ${JSON.stringify(judgeMode)}`);
  }
  const bar = parseBar(values.bar);
  const concurrency = parseConcurrency(values.concurrency, values.live === true);
  let live: EnvJudge | undefined;
  if (values.live) {
    live = await judgeFromEnv(io.env);
    io.stdout(`Live judge: ${live.modelId}${live.baseUrl ? ` at ${live.baseUrl}` : ""} (scripted replies ignored).\n`);
  }
  const named = positionals.length > 0;
  const dirs = [...new Set(named ? positionals : DEFAULT_DIRS)];
  const suites = await loadGoldenSuites(dirs, { cwd: named ? io.cwd : packageRoot() });

  const total = suites.reduce((sum, s) => sum + s.cases.length, 0);
  const progress = createProgress({ total, write: io.stdout, isTTY: io.isTTY, env: io.env });
  const report = await runGoldens(suites, {
    concurrency,
    ...(live && { judge: live.model }),
    ...(judgeMode && { judgeMode }),
    onResult: (result, done) => progress.update(`${result.suite}/${result.id}`, result.ok, done),
  });
  progress.finish();

  const passed = meetsBar(report, bar);
  io.stdout(`\n${toResultTable(report, terminalOptions(io))}${failureDetails(report)}\n`);
  io.stdout(`${passed ? "PASS" : "FAIL"}: ${report.suites.map((s) => `${s.name} ${s.passRate.toFixed(2)}`).join(", ")} (bar ${bar.toFixed(2)})\n`);

  const summary = toMarkdownSummary(report, { bar, judge: live ? `live ${live.modelId}` : "scripted replies" });
  if (values.junit) await writeOut(io, values.junit, toJUnitXml(report));
  if (values.summary) await writeOut(io, values.summary, summary);
  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) await appendFile(resolve(io.cwd, stepSummary), `${summary}\n`);
  return passed ? 0 : 1;
}

function failureDetails(report: GoldenRunReport): string {
  const failed = report.suites.flatMap((s) => s.results.filter((r) => !r.ok));
  if (failed.length === 0) return "";
  const lines = failed.flatMap((r) => [
    `FAIL ${r.suite} ${r.id} (${r.file}${r.line === undefined ? "" : `:${r.line}`})`,
    ...r.differences.map((d) => `  ${d.field}: expected ${d.expected}, got ${d.got}`),
  ]);
  return `\n${lines.join("\n")}\n`;
}

async function writeOut(io: CliIo, file: string, content: string): Promise<void> {
  const path = resolve(io.cwd, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  io.stdout(`Wrote ${file}\n`);
}

function parseBar(raw: string | undefined): number {
  if (raw === undefined) return 0.8;
  const bar = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(bar) || bar < 0 || bar > 1) {
    throw new CliUsageError(`Invalid --bar ${JSON.stringify(raw)}: expected a pass rate from 0 to 1 (default 0.8).`);
  }
  return bar;
}

function parseConcurrency(raw: string | undefined, live: boolean): number {
  // A live judge is rate-limited; scripted runs are CPU-only.
  if (raw === undefined) return live ? 2 : 8;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new CliUsageError(`Invalid --concurrency ${JSON.stringify(raw)}: expected an integer from 1 to 256.`);
  }
  return n;
}

/** The width the result table fits: the terminal's, else $COLUMNS, else none (piped output is not cut). */
function terminalWidth(io: CliIo): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  const width = io.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
  return width === undefined ? undefined : Math.max(40, width);
}

function terminalOptions(io: CliIo): { width?: number } {
  const width = terminalWidth(io);
  return width === undefined ? {} : { width };
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
