/**
 * A child process for the kill -9 campaign: evaluates drafts and decides them in a loop until it
 * is killed. After each decision resolves it prints `decided <verdictId> <type>`, so the parent
 * knows which decisions were acknowledged before the kill; `ready` follows the first one.
 * Usage: node --import tsx kill-campaign-worker.ts <url> <lane> [pgSchema]
 */
import { createGate } from "../../src/gate/create-gate.js";
import { createGateStore } from "../../src/store/create-gate-store.js";
import { cleanInput, levelJudges } from "./engine-fakes.js";

const [url, lane, schema] = process.argv.slice(2);
if (!url || !lane) throw new Error("usage: <url> <lane>");
const store = createGateStore({ url, timeoutMs: 30_000, ...(schema ? { schema } : {}) });
const gate = createGate({ store, judge: levelJudges() });
const types = ["approve", "reject", "edit"] as const;
for (let i = 0; ; i++) {
  const tag = `${lane}-${process.pid}-${i}`;
  const verdict = await gate.evaluate(cleanInput({ draft: { text: `Draft ${tag}: a short, plain note for the customer.` } }), { threadId: tag });
  const type = types[i % types.length]!;
  await gate.decide(verdict.id, { type, by: "campaign" });
  process.stdout.write(`decided ${verdict.id} ${type}\n`);
  // Warm (modules loaded, database migrated) after the first round: the kill lands in the loop.
  if (i === 0) process.stdout.write("ready\n");
}
