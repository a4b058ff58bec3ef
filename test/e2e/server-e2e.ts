// End to end behind the LangGraph API server: starts `npx @langchain/langgraph-cli dev` on a free
// loopback port over the repository's langgraph.json, with a temp gate database, and drives the
// served graphs with @langchain/langgraph-sdk's Client exactly as Studio or a review UI would.
// Always stops the server it started (on success, failure, exception, SIGINT/SIGTERM and the hard
// timeout) and checks that no server process is left. Last line: `N passed, M failed`.
//
//   npm run e2e            (E2E_TIMEOUT_MS overrides the 300 s hard limit)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@langchain/langgraph-sdk";
import { createGateStore } from "../../src/store/create-gate-store.js";
import type { GateStore } from "../../src/store/types.js";
import { createChecks } from "./checks.js";
import { freePort, killGroupNow, spawnDevServer, type DevServer } from "./dev-server.js";
import { FIRST_LABEL, runOutreachScenario } from "./outreach-scenario.js";
import { runParityScenario } from "./parity-scenario.js";
import { runSupportScenario } from "./support-scenario.js";
import type { ScenarioContext } from "./scenario.js";
import { servedGraphIds, writeServerProject } from "./server-project.js";

const HARD_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const READY_TIMEOUT_MS = 120_000;
const CALL_TIMEOUT_MS = 60_000;

const log = (line: string) => process.stdout.write(`${line}\n`);
const began = Date.now();
const seconds = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(join(tmpdir(), "autonomy-gate-e2e-"));
const logFile = join(work, "server.log");
const dbUrl = `file:${join(work, "gate.db")}`;
const checks = createChecks(log);

let server: DevServer | undefined;
let serverStopped = false;
let store: GateStore | undefined;
let finishing: Promise<never> | undefined;

function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTONOMY_GATE_DB: dbUrl,
    // Offline and quiet: no CLI analytics, no LangSmith tracing, no browser.
    LANGGRAPH_CLI_NO_ANALYTICS: "1",
    LANGSMITH_TRACING: "false",
    LANGSMITH_TRACING_V2: "false",
    LANGCHAIN_TRACING: "false",
    LANGCHAIN_TRACING_V2: "false",
    BROWSER: "none",
  };
  // The scripted judges keep the run deterministic and offline even where a key is set.
  delete env.OPENAI_API_KEY;
  delete env.AUTONOMY_GATE_DB_TOKEN;
  return env;
}

function logTail(lines: number): string {
  try {
    return readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** Stops everything exactly once, prints the summary last, and exits. */
function finish(code: number, reason?: string): Promise<never> {
  finishing ??= (async () => {
    if (reason) checks.that("run", false, reason);
    store?.close();
    if (server) {
      const stopping = Date.now();
      const left = await server.stop();
      serverStopped = true;
      checks.equal("server: stopped with no process left behind", left, []);
      const stillAnswers = await fetch(`${server.url}/ok`, { signal: AbortSignal.timeout(2_000) }).then(
        () => true,
        () => false,
      );
      checks.that("server: port no longer answers", !stillAnswers);
      log(`server stopped in ${seconds(stopping)}`);
    }
    if (checks.failed > 0) {
      log(`\n-- failures:\n${checks.failures.map((f) => `   ${f}`).join("\n")}`);
      log(`\n-- last lines of the server log (${logFile}):\n${logTail(40)}`);
    } else {
      rmSync(work, { recursive: true, force: true });
    }
    log(`total ${seconds(began)}`);
    log(`${checks.passed} passed, ${checks.failed} failed`);
    process.exit(code !== 0 || checks.failed > 0 ? code || 1 : 0);
  })();
  return finishing;
}

process.once("SIGINT", () => void finish(130, "interrupted by SIGINT"));
process.once("SIGTERM", () => void finish(143, "terminated by SIGTERM"));
process.on("uncaughtException", (error) => void finish(1, `uncaught exception: ${error.message}`));
process.on("unhandledRejection", (error) => void finish(1, `unhandled rejection: ${String(error)}`));
// Last resort if the process dies some other way: never leave the server running.
process.on("exit", () => {
  if (server && !serverStopped) killGroupNow(server.pgid);
});
setTimeout(() => void finish(1, `hard timeout after ${HARD_TIMEOUT_MS} ms`), HARD_TIMEOUT_MS).unref();

async function main(): Promise<void> {
  const graphs = servedGraphIds(repoRoot);
  checks.equal("langgraph.json registers outreach and support", ["outreach", "support"].filter((id) => graphs.includes(id)), ["outreach", "support"]);
  const configPath = writeServerProject(repoRoot, work);
  const port = await freePort();
  const starting = Date.now();
  log(`starting npx @langchain/langgraph-cli dev on 127.0.0.1:${port} (log: ${logFile})`);
  server = spawnDevServer({ cwd: repoRoot, configPath, port, env: serverEnv(), logFile, readyTimeoutMs: READY_TIMEOUT_MS });
  log(`server process group ${server.pgid}`);
  await server.ready();
  log(`server ready in ${seconds(starting)}`);

  store = createGateStore({ url: dbUrl });
  const ctx: ScenarioContext = {
    client: new Client({ apiUrl: server.url, apiKey: null }),
    checks,
    store,
    callSignal: () => AbortSignal.timeout(CALL_TIMEOUT_MS),
  };
  const scenarios = Date.now();
  const firstPayload = await runOutreachScenario(ctx);
  log(`outreach scenario in ${seconds(scenarios)}`);
  if (firstPayload) {
    await checks.step("parity", () => runParityScenario(checks, `file:${join(work, "in-process.db")}`, FIRST_LABEL, firstPayload));
  }
  const support = Date.now();
  await runSupportScenario(ctx);
  log(`support scenario in ${seconds(support)}`);
  const audit = await store.verifyAudit();
  checks.that("database: the audit log the server wrote is intact", audit.ok, JSON.stringify(audit));
}

main().then(
  () => finish(0),
  (error: unknown) => finish(1, `the run threw: ${error instanceof Error ? error.message : String(error)}`),
);
