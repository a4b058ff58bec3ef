// The support demo: a few tickets through classify → lookup → draft → gate → send | approval | escalate,
// on the file database (or AUTONOMY_GATE_DB), with scripted humans answering approvals and escalations.
import { Command, MemorySaver, isInterrupted } from "@langchain/langgraph";
import { renderEscalations } from "../../src/cli/commands/escalations.js";
import { renderStatus } from "../../src/cli/commands/status.js";
import { computeStatus } from "../../src/decisions/status.js";
import type { EscalationRequest } from "../../src/escalation/handoff.js";
import { createGate } from "../../src/gate/create-gate.js";
import { createGateStore, DEFAULT_STORE_URL } from "../../src/store/create-gate-store.js";
import { tableLookup } from "./agent.js";
import { DEMO_ACCOUNTS, DEMO_TICKETS, type DemoTicket } from "./demo-tickets.js";
import { createSupportGraph } from "./graph.js";
import { chooseJudge } from "../judge-choice.js";
import { supportScriptedJudges } from "./scripted-judges.js";
import { supportSensitivity } from "./sensitivity.js";

const SCOPE = "support:reply";
const url = process.env.AUTONOMY_GATE_DB ?? DEFAULT_STORE_URL;
const log = (line = "") => process.stdout.write(`${line}\n`);

const { judge, description } = await chooseJudge(process.env, supportScriptedJudges);
log(`Judge: ${description}.`);
log(`Database: ${url}`);

const store = createGateStore({ url });
const gate = createGate({
  judge,
  store,
  scope: SCOPE,
  escalation: { sensitive: { isSensitive: supportSensitivity({ refundLimit: 200 }) } },
});
const graph = createSupportGraph({ gate, lookup: tableLookup(DEMO_ACCOUNTS), scope: SCOPE }).compile({ checkpointer: new MemorySaver() });
// A fresh thread per run, so running the demo twice adds tickets rather than replaying them.
const run = Date.now().toString(36);

async function work(ticket: DemoTicket): Promise<string> {
  const config = { configurable: { thread_id: `${ticket.id}:${run}` } };
  const trail: string[] = [];
  let result = await graph.invoke({ ticket }, config);
  while (isInterrupted(result)) {
    const value = result.__interrupt__[0]?.value as Partial<EscalationRequest> | undefined;
    if (value?.kind === "escalation") {
      const reasons = value.package?.triggers.map((t) => `${t.code}: ${t.reason}`).join("; ");
      trail.push(`escalated to ${value.queue}/${value.priority} (${reasons}) -> owner ${ticket.owner.resolution}`);
      result = await graph.invoke(new Command({ resume: { ...ticket.owner, by: "owner@example.com" } }), config);
    } else {
      trail.push(`approval -> ${ticket.review}`);
      result = await graph.invoke(new Command({ resume: { decisions: [{ type: ticket.review }] } }), config);
    }
  }
  const told = result.sent.map((m) => (m.kind === "holding" ? "holding message" : m.refund ? `reply + refund ${m.refund.amount}` : "reply"));
  return `${ticket.id} [${result.category}] ${trail.join(", ") || `route ${result.gate?.route}`} => ${result.status}; customer got: ${told.join(", ") || "nothing"}`;
}

for (const ticket of DEMO_TICKETS) log(`  ${await work(ticket)}`);

log("\n== Status");
log(renderStatus(await computeStatus(store, { scope: SCOPE }), await store.getKillSwitch()).trimEnd());
log("\n== Escalations (latest)");
log(renderEscalations(await store.listEscalations({ scope: SCOPE, limit: DEMO_TICKETS.length }), false).trimEnd());
log(`\nResolve one by id: npx autonomy-gate escalations resolve <id> --resolution resolved_by_human --appropriate yes --sufficient yes --db ${url}`);
store.close();
