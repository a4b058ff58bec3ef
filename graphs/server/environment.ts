// What the served graphs share, configured from the server's environment: one gate store per
// server process (ESM caches this module, so every graph module gets the same client) and the judge.
import { judgeFromEnv } from "../../src/cli/judge-from-env.js";
import { createGateStore, DEFAULT_STORE_URL } from "../../src/store/create-gate-store.js";
import type { GateJudges } from "../../src/gate/options.js";

const env = process.env;

/**
 * The gate store: `AUTONOMY_GATE_DB` (default `file:autonomy-gate.db`, relative to the directory
 * the server was started in) with `AUTONOMY_GATE_DB_TOKEN` for a libSQL server. The server keeps
 * its own checkpoints; verdicts and decisions live here, where the CLI finds them.
 */
export const store = createGateStore({
  url: env.AUTONOMY_GATE_DB?.trim() || DEFAULT_STORE_URL,
  ...(env.AUTONOMY_GATE_DB_TOKEN ? { authToken: env.AUTONOMY_GATE_DB_TOKEN } : {}),
});

const live = env.OPENAI_API_KEY?.trim() ? judgeFromEnv(env) : null;

/**
 * The live judge when OPENAI_API_KEY is set (OPENAI_BASE_URL and JUDGE_MODEL honoured), otherwise
 * the graph's offline scripted judges, so the served examples work without a key.
 */
export function judgeOr(scripted: () => GateJudges): GateJudges {
  return live ? { default: live.model } : scripted();
}

console.log(
  `autonomy-gate: gate store ${store.url}; judge ${live ? `LIVE ${live.modelId}${live.baseUrl ? ` at ${live.baseUrl}` : ""}` : "SCRIPTED (no OPENAI_API_KEY)"}`,
);
