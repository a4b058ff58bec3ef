// The outreach graph behind the server: run to the approval interrupt, check the payload a UI
// renders, answer it with each decision type through `command: { resume }`, and check what the
// server's process wrote to the gate database.
import type { Interrupt } from "@langchain/langgraph-sdk";
import type { SentEmail } from "../../graphs/outreach/state.js";
import { hashValue } from "../../src/hash.js";
import type { DecisionType, Verdict } from "../../src/types.js";
import { interruptsOf, pendingInterrupts, valuesOf, type ScenarioContext } from "./scenario.js";

const GRAPH = "outreach";
const SCOPE = "outreach:first_touch";
const BLIND_FIELDS = ["blind", "mode", "scope", "stored", "verdictId"];
const GATE_FIELDS = ["auditSampled", "composite", "eligibility", "levels", "mode", "passed", "rationale", "scope", "stored", "verdictId", "violations"];
const EDITED = { name: "send_email", args: { to: "edited@acme.example", subject: "Edited subject", body: "Edited body, by a human." } };

interface OutreachValues {
  status: string;
  sent: SentEmail[];
  gate: { verdictId: string; decision?: { type: string } } | null;
}

interface ApprovalPayload {
  actionRequests: Array<{ name: string; args: Record<string, unknown>; description?: string }>;
  reviewConfigs: Array<{ actionName: string; allowedDecisions: string[] }>;
  gate: Record<string, unknown> & { verdictId: string; levels: Array<{ level: string; score: number | null }> };
}

/** The resume each decision type sends (the full `{ decisions: [...] }` form and the bare form both appear). */
const RESUMES: Record<DecisionType, unknown> = {
  approve: { decisions: [{ type: "approve", by: "e2e-reviewer" }] },
  edit: { decisions: [{ type: "edit", editedAction: EDITED }] },
  reject: { decisions: [{ type: "reject", message: "Off-brand." }] },
  skip: { type: "skip" },
};

/** What each decision leaves in the thread and on the verdict. */
const OUTCOMES: Record<DecisionType, { status: string; sent: number; decision: Record<string, unknown> }> = {
  approve: { status: "sent", sent: 1, decision: { type: "approve", by: "e2e-reviewer" } },
  edit: { status: "sent", sent: 1, decision: { type: "edit", editedDraftHash: hashValue(EDITED) } },
  reject: { status: "rejected", sent: 0, decision: { type: "reject", note: "Off-brand." } },
  skip: { status: "skipped", sent: 0, decision: { type: "skip" } },
};

/** The prospect every outreach thread writes to (its id is the thread's label). */
export function prospect(id: string) {
  return {
    id,
    name: "Ana Alvarez",
    company: "Acme Logistics",
    email: "ana@acme.example",
    facts: { trigger: "your Series B announcement" },
  };
}

/** Creates a thread and runs it to the approval interrupt; returns the thread and the payload (or null). */
async function toApproval(ctx: ScenarioContext, label: string): Promise<{ threadId: string; payload: ApprovalPayload | null }> {
  const { client, checks } = ctx;
  // The first thread has a fixed id so that the in-process parity run draws the same blind review.
  const threadId = label === FIRST_LABEL ? { threadId: FIRST_THREAD_ID } : {};
  const thread = await client.threads.create({ metadata: { e2e: label }, ...threadId, signal: ctx.callSignal() });
  const result = await client.runs.wait(thread.thread_id, GRAPH, { input: { prospect: prospect(label), touch: 1 }, signal: ctx.callSignal() });
  const interrupts = interruptsOf(result);
  checks.that(`${label}: the run stops at one approval interrupt`, interrupts.length === 1, `__interrupt__ was ${JSON.stringify(interrupts)}`);
  return { threadId: thread.thread_id, payload: (interrupts[0]?.value as ApprovalPayload | undefined) ?? null };
}

function checkPayload(ctx: ScenarioContext, label: string, payload: ApprovalPayload): void {
  const { checks } = ctx;
  const action = payload.actionRequests?.[0];
  checks.equal(`${label}: payload actionRequests has one send_email to the prospect`, [payload.actionRequests?.length, action?.name, action?.args.to], [1, "send_email", "ana@acme.example"]);
  if (payload.gate?.blind === true) {
    // A blind review (drawn per verdict id, 20% by default): the reviewer sees no judgement at all.
    checks.equal(`${label}: blind payload gate shows no verdict, score or rationale`, Object.keys(payload.gate).sort(), BLIND_FIELDS);
    checks.that(`${label}: blind payload action carries subject and body, no description`, typeof action?.args.subject === "string" && typeof action?.args.body === "string" && action?.description === undefined);
    return;
  }
  checks.that(`${label}: payload action carries subject, body and a description`, typeof action?.args.subject === "string" && typeof action?.args.body === "string" && typeof action?.description === "string");
  checks.equal(`${label}: payload reviewConfigs allow approve/edit/reject/skip`, payload.reviewConfigs, [{ actionName: "send_email", allowedDecisions: ["approve", "edit", "reject", "skip"] }]);
  checks.equal(`${label}: payload gate summary has the verdict fields`, Object.keys(payload.gate ?? {}).sort(), GATE_FIELDS);
  const gate = payload.gate;
  checks.equal(`${label}: payload gate is a passing shadow verdict of the outreach scope`, [gate?.scope, gate?.mode, gate?.passed, gate?.auditSampled], [SCOPE, "shadow", true, false]);
  checks.equal(`${label}: payload gate reports the three levels`, gate?.levels?.map((l) => l.level), ["step", "trajectory", "outcome"]);
  // The scripted judges score a clean draft at every level: an unscored level here means the judge
  // broke under the server's streaming callbacks.
  checks.equal(`${label}: payload gate levels are all scored, with no violations`, [gate?.levels?.map((l) => l.score !== null), gate?.violations], [[true, true, true], []]);
  checks.that(`${label}: payload gate has a composite score, a rationale and a verdict id`, typeof gate?.composite === "number" && typeof gate?.rationale === "string" && /^\S+$/.test(gate?.verdictId ?? ""));
}

async function checkStillPending(ctx: ScenarioContext, label: string, threadId: string, payload: ApprovalPayload): Promise<void> {
  const pending = await pendingInterrupts(ctx, threadId);
  ctx.checks.equal(`${label}: thread state waits at await_approval`, pending.next, ["await_approval"]);
  ctx.checks.equal(`${label}: the pending interrupt holds the same payload`, pending.interrupts.map((i: Interrupt) => i.value), [payload]);
}

async function checkVerdictRow(ctx: ScenarioContext, label: string, threadId: string, verdictId: string): Promise<Verdict | null> {
  const verdict = await ctx.store.getVerdict(verdictId);
  ctx.checks.equal(`${label}: the verdict row is stored for this thread, routed to the human, undecided`, [verdict?.threadId, verdict?.scope, verdict?.route, verdict?.decision], [threadId, SCOPE, "human", undefined]);
  return verdict;
}

async function decide(ctx: ScenarioContext, type: DecisionType): Promise<ApprovalPayload | null> {
  const label = `outreach/${type}`;
  const { threadId, payload } = await toApproval(ctx, label);
  if (!payload) return null;
  checkPayload(ctx, label, payload);
  await checkStillPending(ctx, label, threadId, payload);
  await checkVerdictRow(ctx, label, threadId, payload.gate.verdictId);

  const result = await ctx.client.runs.wait(threadId, GRAPH, { command: { resume: RESUMES[type] }, signal: ctx.callSignal() });
  ctx.checks.equal(`${label}: the resumed run finishes without a new interrupt`, interruptsOf(result), []);
  const values = await valuesOf<OutreachValues>(ctx, threadId);
  const expected = OUTCOMES[type];
  ctx.checks.equal(`${label}: the thread ends ${expected.status} with ${expected.sent} email(s) sent`, [values.status, values.sent?.length], [expected.status, expected.sent]);
  if (type === "edit") ctx.checks.equal(`${label}: the edited draft is what was sent`, [values.sent?.[0]?.subject, values.sent?.[0]?.body], [EDITED.args.subject, EDITED.args.body]);

  const verdict = await ctx.store.getVerdict(payload.gate.verdictId);
  const decision = verdict?.decision;
  const picked = decision ? Object.fromEntries(Object.keys(expected.decision).map((k) => [k, (decision as unknown as Record<string, unknown>)[k]])) : null;
  ctx.checks.equal(`${label}: the decision is backfilled onto the verdict row`, picked, expected.decision);
  ctx.checks.that(`${label}: the decision carries a timestamp`, typeof decision?.at === "string" && !Number.isNaN(Date.parse(decision.at)));
  const rows = await ctx.store.listVerdicts({ threadId });
  ctx.checks.equal(`${label}: resuming did not write a second verdict`, rows.map((v) => v.id), [payload.gate.verdictId]);
  return payload;
}

async function malformed(ctx: ScenarioContext): Promise<void> {
  const label = "outreach/malformed-resume";
  const { threadId, payload } = await toApproval(ctx, label);
  if (!payload) return;
  let message = "";
  try {
    await ctx.client.runs.wait(threadId, GRAPH, { command: { resume: { decisions: [{ type: "maybe" }] } }, signal: ctx.callSignal() });
  } catch (error: unknown) {
    message = error instanceof Error ? error.message : String(error);
  }
  ctx.checks.that(`${label}: the run fails with a clear error`, /Invalid resume.* for await_approval: decision type .*maybe.* is not one of approve, edit, reject, skip/.test(message), `error was ${JSON.stringify(message)}`);
  await checkStillPending(ctx, label, threadId, payload);
  const verdict = await ctx.store.getVerdict(payload.gate.verdictId);
  ctx.checks.equal(`${label}: no decision was recorded`, verdict?.decision, undefined);

  await ctx.client.runs.wait(threadId, GRAPH, { command: { resume: { type: "approve" } }, signal: ctx.callSignal() });
  const values = await valuesOf<OutreachValues>(ctx, threadId);
  ctx.checks.equal(`${label}: a corrected resume then completes the thread`, [values.status, (await ctx.store.getVerdict(payload.gate.verdictId))?.decision?.type], ["sent", "approve"]);
}

/** The prospect label of the first thread (on a fresh database), for the in-process parity run. */
export const FIRST_LABEL = "outreach/approve";
/** The first thread's id, shared with the in-process parity run. */
export const FIRST_THREAD_ID = "6f1c2b9e-0e2e-4c1a-9d3e-5a7b8c9d0e1f";

/**
 * Every outreach step, each decision type on its own thread; resolves to the first thread's
 * approval payload (null if it never came).
 */
export async function runOutreachScenario(ctx: ScenarioContext): Promise<ApprovalPayload | null> {
  const assistants = await ctx.checks.step("outreach: graph registered", () => ctx.client.assistants.search({ graphId: GRAPH, signal: ctx.callSignal() }));
  if (!ctx.checks.that("outreach: graph registered", (assistants?.length ?? 0) > 0, "no assistant for graph outreach")) return null;
  let first: ApprovalPayload | null = null;
  for (const type of ["approve", "edit", "reject", "skip"] as const) {
    const payload = await ctx.checks.step(`outreach/${type}`, () => decide(ctx, type));
    first ??= payload ?? null;
  }
  await ctx.checks.step("outreach/malformed-resume", () => malformed(ctx));
  return first;
}
