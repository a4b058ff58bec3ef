import { Command, MemorySaver, isInterrupted } from "@langchain/langgraph";
import { afterEach, describe, expect, it } from "vitest";
import { tableLookup } from "../graphs/support/agent.js";
import { createSupportGraph } from "../graphs/support/graph.js";
import { supportSensitivity } from "../graphs/support/sensitivity.js";
import type { Account, Ticket } from "../graphs/support/state.js";
import type { EscalationRequest } from "../src/escalation/handoff.js";
import { DEFAULT_FALLBACK_MESSAGE } from "../src/nodes/escalate.js";
import type { ApprovalRequest } from "../src/nodes/approval-payload.js";
import type { GateStore } from "../src/store/types.js";
import { escalationTestGate } from "./helpers/escalation-gate.js";
import { memoryStore } from "./helpers/store-fixtures.js";

const accounts: Account[] = [
  { id: "acc-std", plan: "pro", tier: "standard", lifetimeValue: 400, lastCharge: 29 },
  { id: "acc-ent", plan: "enterprise", tier: "enterprise", lifetimeValue: 250_000, lastCharge: 9_000 },
];
const legalThreat: Ticket = {
  id: "T-1",
  customer: "Ada Moreau",
  email: "ada@example.com",
  accountId: "acc-std",
  subject: "Double charge",
  body: "You charged me $29 twice. Fix it or my lawyer will hear about it.",
};
const enterpriseQuestion: Ticket = {
  id: "T-2",
  customer: "Bo Lind",
  email: "bo@bigco.example",
  accountId: "acc-ent",
  subject: "Locked out",
  body: "I am locked out after the 2fa change.",
};
const resolution = { resolution: "resolved_by_human", appropriate: true, sufficient: true, note: "called the customer" } as const;

let store: GateStore;
afterEach(() => store?.close());

function setup() {
  store = memoryStore();
  const gate = escalationTestGate(store, { escalation: { sensitive: { isSensitive: supportSensitivity({ refundLimit: 200 }) } } });
  const graph = createSupportGraph({ gate, lookup: tableLookup(accounts) }).compile({ checkpointer: new MemorySaver() });
  return { graph };
}

const interruptOf = <T>(result: unknown) => (result as { __interrupt__: Array<{ value: T }> }).__interrupt__[0]?.value as T;

describe("the support graph's escalate path", () => {
  it("interrupts for the owner with the package, queue and priority — not for approval", async () => {
    const { graph } = setup();
    const result = await graph.invoke({ ticket: legalThreat }, { configurable: { thread_id: "t1" } });
    expect(isInterrupted(result)).toBe(true);
    const request = interruptOf<EscalationRequest>(result);
    expect(request).toMatchObject({ kind: "escalation", queue: "support-tier2", priority: "high", codes: ["sensitive"] });
    expect(request.package.triggers).toEqual([{ code: "sensitive", reason: "a legal threat in the evidence" }]);
    expect(JSON.stringify(request.package)).not.toContain("ada@example.com");
  });

  it("puts the fallback message into state before the owner answers", async () => {
    const { graph } = setup();
    const config = { configurable: { thread_id: "t1" } };
    await graph.invoke({ ticket: legalThreat }, config);
    const { values } = await graph.getState(config);
    expect(values.escalation).toMatchObject({ status: "open", fallbackMessage: DEFAULT_FALLBACK_MESSAGE });
    expect(values.sent).toEqual([{ to: "ada@example.com", text: DEFAULT_FALLBACK_MESSAGE, kind: "holding" }]);
    expect(values.gate?.escalationId).toBe(values.escalation?.escalationId);
  });

  it("backfills the owner's resolution on resume and closes the ticket as handled by a human", async () => {
    const { graph } = setup();
    const config = { configurable: { thread_id: "t1" } };
    await graph.invoke({ ticket: legalThreat }, config);
    const done = await graph.invoke(new Command({ resume: { ...resolution, by: "ana" } }), config);
    expect(done.status).toBe("handled_by_human");
    expect(done.escalation?.status).toBe("resolved_by_human");
    const [record] = await store.listEscalations();
    expect(record?.resolution).toMatchObject({ ...resolution, by: "ana" });
    expect(done.sent.filter((m) => m.kind === "reply")).toEqual([]);
  });

  it("keeps the interrupt pending on a malformed resolution", async () => {
    const { graph } = setup();
    const config = { configurable: { thread_id: "t1" } };
    await graph.invoke({ ticket: legalThreat }, config);
    await expect(graph.invoke(new Command({ resume: { resolution: "done", appropriate: "yes" } }), config)).rejects.toThrow(
      /Invalid resume for escalate/,
    );
    const pending = await graph.getState(config);
    expect(pending.tasks.some((t) => t.interrupts.length > 0)).toBe(true);
    expect((await store.listEscalations())[0]?.status).toBe("open");
    const done = await graph.invoke(new Command({ resume: resolution }), config);
    expect(done.status).toBe("handled_by_human");
  });

  it("has exactly one escalation record after the node re-runs and the ticket is worked again", async () => {
    const { graph } = setup();
    const config = { configurable: { thread_id: "t1" } };
    await graph.invoke({ ticket: legalThreat }, config);
    await graph.invoke(new Command({ resume: resolution }), config);
    // The same ticket again on the same thread: same draft, same verdict, same escalation.
    const again = await graph.invoke({ ticket: legalThreat }, config);
    expect(isInterrupted(again)).toBe(false);
    expect(again.status).toBe("handled_by_human");
    expect(await store.listEscalations()).toHaveLength(1);
    expect((await store.listAudit()).filter((a) => a.kind === "escalation_opened")).toHaveLength(1);
  });

  it("sends a returned ticket through approval: the agent drives again", async () => {
    const { graph } = setup();
    const config = { configurable: { thread_id: "t2" } };
    const first = await graph.invoke({ ticket: enterpriseQuestion }, config);
    expect(interruptOf<EscalationRequest>(first).package.triggers[0]?.reason).toBe("high-value account (enterprise)");
    const returned = await graph.invoke(
      new Command({ resume: { resolution: "returned_to_agent", appropriate: false, sufficient: true } }),
      config,
    );
    const approval = interruptOf<ApprovalRequest>(returned);
    expect(approval.actionRequests[0]?.name).toBe("send_reply");
    const sent = await graph.invoke(new Command({ resume: { decisions: [{ type: "approve" }] } }), config);
    expect(sent.status).toBe("replied");
    expect((await store.listEscalations())[0]?.resolution).toMatchObject({ resolution: "returned_to_agent", appropriate: false });
  });
});
