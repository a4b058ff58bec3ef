/**
 * A child process for the decision crash test: records one decision through `backfillDecision`
 * and SIGKILLs itself at the named fault point (see src/store/fault-points.ts).
 * Usage: node --import tsx decision-crash-worker.ts <url> <verdictId> <type> <killAt>
 */
import { backfillDecision } from "../../src/decisions/backfill.js";
import { createGateStore } from "../../src/store/create-gate-store.js";
import { setFaultHook, type FaultPoint } from "../../src/store/fault-points.js";
import type { DecisionType } from "../../src/types.js";

const [url, verdictId, type, killAt] = process.argv.slice(2);
if (!url || !verdictId || !type || !killAt) throw new Error("usage: <url> <verdictId> <type> <killAt>");

setFaultHook((point: FaultPoint) => {
  if (point === killAt) process.kill(process.pid, "SIGKILL");
});
const store = createGateStore({ url });
await backfillDecision(store, verdictId, { type: type as DecisionType, by: "crash-worker" });
store.close();
process.stdout.write("survived\n");
