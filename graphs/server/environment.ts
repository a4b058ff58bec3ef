// What the served graphs share, configured from the server's environment: one gate store per
// server process (ESM caches this module, so every graph module gets the same client) and the judge.
import { createGateStore, DEFAULT_STORE_URL } from "../../src/store/create-gate-store.js";
import type { GateJudges } from "../../src/gate/options.js";
import { chooseJudge } from "../judge-choice.js";

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

/**
 * The live judge when OPENAI_API_KEY is set (OPENAI_BASE_URL and JUDGE_MODEL honoured), otherwise
 * the graph's offline scripted judges, so the served examples work without a key.
 */
export async function judgeOr(scripted: () => GateJudges): Promise<GateJudges> {
  return (await chooseJudge(env, scripted)).judge;
}

console.log(`autonomy-gate: gate store ${store.url}; judge ${(await chooseJudge(env, () => ({}))).description}`);
