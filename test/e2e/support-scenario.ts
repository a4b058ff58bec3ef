// The support graph behind the server: a sensitive ticket escalates, the customer gets the holding
// message before the pause, the owner's resolution comes back through `command: { resume }` (a
// malformed one is refused with the interrupt still pending), and a ticket returned to the agent
// goes on to the approval interrupt.
import type { SentMessage, Ticket } from "../../graphs/support/state.js";
import type { EscalationHandoff, EscalationRequest } from "../../src/escalation/handoff.js";
import { interruptsOf, pendingInterrupts, valuesOf, type ScenarioContext } from "./scenario.js";

const GRAPH = "support";
const SCOPE = "support:reply";

interface SupportValues {
  status: string;
  sent: SentMessage[];
  gate: { verdictId: string; route: string; escalationId?: string } | null;
  escalation: EscalationHandoff | null;
}

const REFUND_TICKET: Ticket = {
  id: "E2E-REFUND",
  customer: "Chen Wu",
  email: "chen@example.com",
  accountId: "acc-002",
  subject: "Refund for annual plan",
  body: "I was billed $480 for a plan I cancelled. I want the money back.",
};

const ENTERPRISE_TICKET: Ticket = {
  id: "E2E-ENTERPRISE",
  customer: "Eli Sato",
  email: "eli@bigco.example",
  accountId: "acc-900",
  subject: "Locked out",
  body: "Locked out after the 2fa change, can you help?",
};

/** Runs a ticket to the escalation interrupt and checks the handoff; returns the thread and request. */
async function toEscalation(ctx: ScenarioContext, label: string, ticket: Ticket) {
  const { client, checks } = ctx;
  const thread = await client.threads.create({ metadata: { e2e: label }, signal: ctx.callSignal() });
  const result = await client.runs.wait(thread.thread_id, GRAPH, { input: { ticket }, signal: ctx.callSignal() });
  const request = interruptsOf(result)[0]?.value as EscalationRequest | undefined;
  if (!checks.equal(`${label}: the run stops at the escalate interrupt`, request?.kind, "escalation") || !request) return null;
  checks.equal(`${label}: routed to the tier-2 queue, high priority, for the sensitive trigger`, [request.queue, request.priority, request.codes], ["support-tier2", "high", ["sensitive"]]);
  checks.that(`${label}: the package says why in words`, request.package.triggers.some((t) => t.code === "sensitive" && t.reason.length > 0));
  checks.that(`${label}: the package is redacted (no customer e-mail)`, !JSON.stringify(request.package).includes(ticket.email));
  checks.equal(`${label}: thread state waits at escalate`, (await pendingInterrupts(ctx, thread.thread_id)).next, ["escalate"]);
  const values = await valuesOf<SupportValues>(ctx, thread.thread_id);
  checks.equal(`${label}: the customer got the holding message before the pause`, values.sent?.map((m) => [m.kind, m.text]), [["holding", request.fallbackMessage]]);
  const record = await ctx.store.getEscalation(request.escalationId);
  checks.equal(`${label}: the escalation record is stored open for this thread`, [record?.status, record?.threadId, record?.scope, record?.queue], ["open", thread.thread_id, SCOPE, "support-tier2"]);
  const verdict = values.gate ? await ctx.store.getVerdict(values.gate.verdictId) : null;
  checks.equal(`${label}: the verdict row is routed to escalate`, verdict?.route, "escalate");
  return { threadId: thread.thread_id, request };
}

async function resolvedByHuman(ctx: ScenarioContext): Promise<void> {
  const label = "support/escalate-resolved";
  const escalated = await toEscalation(ctx, label, REFUND_TICKET);
  if (!escalated) return;
  const { threadId, request } = escalated;

  let message = "";
  try {
    await ctx.client.runs.wait(threadId, GRAPH, { command: { resume: { resolution: "done" } }, signal: ctx.callSignal() });
  } catch (error: unknown) {
    message = error instanceof Error ? error.message : String(error);
  }
  ctx.checks.that(`${label}: a malformed resolution fails with a clear error`, /Invalid resume for escalate: resolution/.test(message), `error was ${JSON.stringify(message)}`);
  const pending = await pendingInterrupts(ctx, threadId);
  ctx.checks.equal(`${label}: after the malformed resolution the escalation is still pending`, [pending.next, pending.interrupts.length], [["escalate"], 1]);
  ctx.checks.equal(`${label}: the record is still open`, (await ctx.store.getEscalation(request.escalationId))?.status, "open");

  const resolution = { resolution: "resolved_by_human", appropriate: true, sufficient: true, note: "refund approved by billing lead", by: "e2e-owner" };
  await ctx.client.runs.wait(threadId, GRAPH, { command: { resume: resolution }, signal: ctx.callSignal() });
  const values = await valuesOf<SupportValues>(ctx, threadId);
  ctx.checks.equal(`${label}: the ticket ends handled by a human, no reply sent by the agent`, [values.status, values.sent?.map((m) => m.kind)], ["handled_by_human", ["holding"]]);
  const record = await ctx.store.getEscalation(request.escalationId);
  const { at: _at, ...stored } = record?.resolution ?? { at: "" };
  ctx.checks.equal(`${label}: the resolution is backfilled onto the escalation record`, [record?.status, stored], ["resolved_by_human", resolution]);
}

async function returnedToAgent(ctx: ScenarioContext): Promise<void> {
  const label = "support/escalate-returned";
  const escalated = await toEscalation(ctx, label, ENTERPRISE_TICKET);
  if (!escalated) return;
  const { threadId, request } = escalated;
  const returned = { resolution: "returned_to_agent", appropriate: false, sufficient: true, by: "e2e-owner" };
  const result = await ctx.client.runs.wait(threadId, GRAPH, { command: { resume: returned }, signal: ctx.callSignal() });
  const approval = interruptsOf(result)[0]?.value as { actionRequests?: Array<{ name: string }> } | undefined;
  ctx.checks.equal(`${label}: returned to the agent, the draft goes on to the approval interrupt`, approval?.actionRequests?.map((a) => a.name), ["send_reply"]);
  await ctx.client.runs.wait(threadId, GRAPH, { command: { resume: { decisions: [{ type: "approve" }] } }, signal: ctx.callSignal() });
  const values = await valuesOf<SupportValues>(ctx, threadId);
  ctx.checks.equal(`${label}: approved, the reply is sent after the holding message`, [values.status, values.sent?.map((m) => m.kind)], ["replied", ["holding", "reply"]]);
  const record = await ctx.store.getEscalation(request.escalationId);
  const verdict = values.gate ? await ctx.store.getVerdict(values.gate.verdictId) : null;
  ctx.checks.equal(`${label}: the record says returned, the verdict carries the approval`, [record?.status, verdict?.decision?.type], ["returned_to_agent", "approve"]);
}

/** The support steps: one escalation resolved by its owner, one returned to the agent. */
export async function runSupportScenario(ctx: ScenarioContext): Promise<void> {
  const assistants = await ctx.checks.step("support: graph registered", () => ctx.client.assistants.search({ graphId: GRAPH, signal: ctx.callSignal() }));
  if (!ctx.checks.that("support: graph registered", (assistants?.length ?? 0) > 0, "no assistant for graph support")) return;
  await ctx.checks.step("support/escalate-resolved", () => resolvedByHuman(ctx));
  await ctx.checks.step("support/escalate-returned", () => returnedToAgent(ctx));
}
