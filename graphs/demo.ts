// The main job: the outreach campaign graph end to end on the embedded libSQL file database (or, with
// `--db postgres://…`, a PostgreSQL database holding the gate store and the graph's checkpoints), through
// the whole life cycle — shadow verdicts, decisions backfilled, the scope earning eligibility, the
// operator switching to auto, auto-approvals with audit samples, and a drift — the composer working
// from stale facts the judge cannot see — that a post-hoc review of an executed auto-approval catches.
import { Command, isInterrupted } from "@langchain/langgraph";
import { renderStatus } from "../src/cli/commands/status.js";
import { computeStatus } from "../src/decisions/status.js";
import { switchMode } from "../src/decisions/modes.js";
import { reviewPostHoc } from "../src/decisions/post-hoc-review.js";
import { OperationRefusedError } from "../src/errors.js";
import { createGate } from "../src/gate/create-gate.js";
import { createOutreachGraph } from "./outreach/graph.js";
import { loadReviewerFixture, reviewerResume, type ScriptedProspect } from "./outreach/demo-fixture.js";
import { chooseJudge } from "./judge-choice.js";
import { demoDbArg, DemoUsageError, openDemoDatabase } from "./demo-database.js";
import { outreachScriptedJudges } from "./scripted-judge.js";

const SCOPE = "outreach:first_touch";
const log = (line = "") => process.stdout.write(`${line}\n`);

/** A bad argument or database is the caller's mistake: one line and exit code 2, no stack trace. */
async function orExit<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error: unknown) {
    if (!(error instanceof DemoUsageError)) throw error;
    process.stderr.write(`demo: ${error.message}\n`);
    process.exit(2);
  }
}

const dbArg = await orExit(() => demoDbArg(process.argv.slice(2)));
const { judge, description } = await chooseJudge(process.env, outreachScriptedJudges);
log(`Judge: ${description}.`);

const db = await orExit(() => openDemoDatabase(dbArg, process.env, log));
const { store } = db;
// A post-hoc review share well above the 5% default, so a short demo shows one.
const gate = createGate({ judge, store, scope: SCOPE, postHocRate: 0.5 });
const graph = createOutreachGraph({ gate, scope: SCOPE }).compile({ checkpointer: db.checkpointer });

async function runProspect(prospect: ScriptedProspect): Promise<string> {
  const config = { configurable: { thread_id: `${prospect.id}` } };
  let result = await graph.invoke({ prospect, touch: 1 }, config);
  let decided = "-";
  if (isInterrupted(result)) {
    const request = result.__interrupt__[0]?.value as { actionRequests: Array<{ args: Record<string, unknown> }> };
    decided = prospect.review;
    result = await graph.invoke(new Command({ resume: reviewerResume(prospect.review, request.actionRequests[0]?.args ?? {}) }), config);
  }
  const v = result.gate?.verdict;
  const codes = v?.violations.map((x) => x.code).join(",") || "none";
  const sample = v?.auditSampled ? " (audit sample)" : "";
  let postHoc = "";
  if (v?.route === "auto" && v.postHocSampled) {
    // The reviewer reads the sent draft after the fact, with the facts the judge could not see.
    const finding = prospect.review === "approve" ? "ok" : "wrong";
    await reviewPostHoc(store, v.id, { finding, by: "qa@example.com", note: "post-hoc review of a sent draft" });
    postHoc = ` post-hoc review=${finding}`;
  }
  return `${prospect.id} ${v?.passed ? "PASS" : "fail"} ${v?.composite?.toFixed(2) ?? "-   "} route=${v?.route}${sample} human=${decided}${postHoc} -> ${result.status} [${codes}]`;
}

async function showStatus(title: string) {
  log(`\n== ${title}`);
  log(renderStatus(await computeStatus(store, { scope: SCOPE }), await store.getKillSwitch()).trimEnd());
}

async function tryAuto(actor: string) {
  try {
    await switchMode(store, SCOPE, "auto", { actor, reason: "flip criterion met" });
    log(`Operator ${actor}: switched ${SCOPE} to auto.`);
    return true;
  } catch (error: unknown) {
    if (!(error instanceof OperationRefusedError)) throw error;
    log(`Operator ${actor}: ${error.message}`);
    return false;
  }
}

// After a trip, a few more drafts show the human seeing every draft again.
const AFTER_TRIP = 3;
let tripAt: number | null = null;
for (const phase of loadReviewerFixture()) {
  const stopsEarly = phase.mode === "auto" ? ` (the phase stops ${AFTER_TRIP} prospects after a breaker trip)` : "";
  log(`\n== Phase "${phase.name}": up to ${phase.prospects.length} prospects${stopsEarly}`);
  if (phase.mode === "auto" && (await store.getScopeState(SCOPE)).mode !== "auto") {
    await showStatus("Status before the flip");
    if (!(await tryAuto("ops@example.com"))) break;
    await showStatus("Status after the flip");
  }
  for (const [i, prospect] of phase.prospects.entries()) {
    log(`  ${await runProspect(prospect)}`);
    if (phase.name === "shadow" && i === Math.floor(phase.prospects.length / 2)) await tryAuto("eager-operator");
    const state = await store.getScopeState(SCOPE);
    if (phase.mode === "auto" && state.breaker === "open" && tripAt === null) {
      tripAt = i;
      log(`  !! Breaker tripped: ${state.breakerReason}. ${SCOPE} is back in shadow and must re-earn.`);
    }
    if (tripAt !== null && i >= tripAt + AFTER_TRIP) {
      log(`  Phase "${phase.name}" stopped after ${i + 1} of ${phase.prospects.length} prospects: the breaker is open, the point is made.`);
      break;
    }
  }
}

await showStatus("Final status");
const audit = await store.verifyAudit();
log(`\nAudit log: ${audit.ok ? `intact (${audit.checked} rows, hash-chained)` : `BROKEN at row ${audit.firstBad?.seq}`}.`);
await db.close();
