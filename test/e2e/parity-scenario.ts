// The same served module in-process: graphs/server/outreach.ts imported here and given a
// MemorySaver (what the server does with its own checkpointer) must interrupt with the payload the
// server returned and backfill the decision the same way — one code path, two hosts.
import { Command, MemorySaver, isInterrupted } from "@langchain/langgraph";
import type { Checks } from "./checks.js";
import { FIRST_THREAD_ID, prospect } from "./outreach-scenario.js";

/** A payload without what legitimately differs between two runs (verdict id, judge latency). */
function comparable(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload), (key, value) => (key === "verdictId" || key === "latencyMs" ? undefined : value));
}

/**
 * Runs the outreach prospect `label` in-process on a fresh database at `dbUrl` and compares its
 * interrupt with `serverPayload` (the server's first one, also on a fresh database).
 */
export async function runParityScenario(checks: Checks, dbUrl: string, label: string, serverPayload: unknown): Promise<void> {
  // The served module reads its store and judge from the environment when imported.
  process.env.AUTONOMY_GATE_DB = dbUrl;
  delete process.env.OPENAI_API_KEY;
  const { graph } = await import("../../graphs/server/outreach.js");
  const { store } = await import("../../graphs/server/environment.js");
  graph.checkpointer = new MemorySaver();
  const config = { configurable: { thread_id: FIRST_THREAD_ID } };
  try {
    const first = await graph.invoke({ prospect: prospect(label), touch: 1 }, config);
    const value = isInterrupted(first) ? first.__interrupt__[0]?.value : undefined;
    checks.equal("parity: in-process (MemorySaver) interrupt payload equals the server's", comparable(value), comparable(serverPayload));
    const done = await graph.invoke(new Command({ resume: { decisions: [{ type: "approve", by: "e2e-reviewer" }] } }), config);
    const verdictId = (value as { gate?: { verdictId?: string } } | undefined)?.gate?.verdictId ?? "";
    const stored = await store.getVerdict(verdictId);
    checks.equal("parity: in-process approve sends and backfills as behind the server", [done.status, stored?.decision?.type, stored?.threadId], ["sent", "approve", FIRST_THREAD_ID]);
  } finally {
    store.close();
  }
}
