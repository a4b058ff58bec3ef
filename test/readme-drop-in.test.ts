// The README's drop-in example, as written there, wired into a small host graph of its own.
import { Annotation, Command, END, MemorySaver, START, StateGraph, StateSchema, isInterrupted } from "@langchain/langgraph";
import type { HITLResponse } from "langchain";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { outreachScriptedJudges } from "../graphs/scripted-judge.js";
import {
  createAwaitApprovalNode,
  createGate,
  createGateDraftNode,
  createGateStore,
  gateStateFields,
  gateStateSchemaFields,
  routeAfterApproval,
  routeAfterGate,
  type GateStore,
  type Step,
} from "../src/index.js";

interface Email {
  to: string;
  subject: string;
  body: string;
}
const MyState = Annotation.Root({
  goal: Annotation<string>(),
  steps: Annotation<Step[]>(),
  facts: Annotation<Record<string, string>>(),
  email: Annotation<Email>(),
  sent: Annotation<Email | null>({ reducer: (_a, b) => b, default: () => null }),
});

// The same host fields for the StateSchema API.
const myFields = {
  goal: z.string(),
  steps: z.array(z.object({ name: z.string(), output: z.unknown() })),
  facts: z.record(z.string(), z.string()),
  email: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
  sent: z.object({ to: z.string(), subject: z.string(), body: z.string() }).nullable().default(null),
};

let store: GateStore;
afterEach(() => store?.close());

function annotationHostGraph() {
  store = createGateStore({ url: ":memory:" });
  // --- as in the README ---
  const gate = createGate({ judge: outreachScriptedJudges(), store, scope: "outreach:first_touch" });
  const State = Annotation.Root({ ...MyState.spec, ...gateStateFields });
  type S = typeof State.State;
  const afterGate = routeAfterGate({ auto: "send", escalate: "await_approval" });
  const afterApproval = routeAfterApproval({ approve: "send", reject: "end_touch" });
  const builder = new StateGraph(State)
    .addNode("compose", (s: typeof State.State) => ({ email: s.email }))
    .addNode("send", (s: typeof State.State) => ({ sent: s.email }))
    .addNode("end_touch", () => ({}))
    .addEdge(START, "compose")
    .addEdge("send", END)
    .addEdge("end_touch", END);
  builder
    .addNode("gate_draft", createGateDraftNode<S>(gate, { select: (s) => ({ goal: s.goal, steps: s.steps, draft: s.email.body, evidence: s.facts }) }))
    .addNode("await_approval", createAwaitApprovalNode<S>(gate, { action: (s) => ({ name: "send_email", args: { ...s.email } }), onEdit: (a, s) => ({ email: { ...s.email, ...(a.args as Partial<Email>) } }) }))
    .addEdge("compose", "gate_draft")
    .addConditionalEdges("gate_draft", afterGate, afterGate.pathMap)
    .addConditionalEdges("await_approval", afterApproval, afterApproval.pathMap);
  // ---
  return builder.compile({ checkpointer: new MemorySaver() });
}

function schemaHostGraph() {
  store = createGateStore({ url: ":memory:" });
  const gate = createGate({ judge: outreachScriptedJudges(), store, scope: "outreach:first_touch" });
  // --- as in the README, with StateSchema ---
  const State = new StateSchema({ ...myFields, ...gateStateSchemaFields });
  type S = typeof State.State;
  const afterGate = routeAfterGate({ auto: "send", escalate: "await_approval" });
  const afterApproval = routeAfterApproval({ approve: "send", reject: "end_touch" });
  // ---
  return new StateGraph(State)
    .addNode("compose", (s: S) => ({ email: s.email }))
    .addNode("send", (s: S) => ({ sent: s.email }))
    .addNode("end_touch", () => ({}))
    .addNode("gate_draft", createGateDraftNode<S>(gate, { select: (s) => ({ goal: s.goal, steps: s.steps, draft: s.email.body, evidence: s.facts }) }))
    .addNode("await_approval", createAwaitApprovalNode<S>(gate, { action: (s) => ({ name: "send_email", args: { ...s.email } }), onEdit: (a, s) => ({ email: { ...s.email, ...(a.args as Partial<Email>) } }) }))
    .addEdge(START, "compose")
    .addEdge("compose", "gate_draft")
    .addConditionalEdges("gate_draft", afterGate, afterGate.pathMap)
    .addConditionalEdges("await_approval", afterApproval, afterApproval.pathMap)
    .addEdge("send", END)
    .addEdge("end_touch", END)
    .compile({ checkpointer: new MemorySaver() });
}

const input = {
  goal: "Book a call with Ana at Acme",
  steps: [{ name: "research", output: { company: "Acme" } }],
  facts: { company: "Acme" },
  email: { to: "ana@acme.example", subject: "Acme", body: "Hi Ana, congratulations on the Series B. A short call next week?" },
};

describe("the README's drop-in example", () => {
  it("stops at the approval interrupt and sends the edited email after an edit", async () => {
    const graph = annotationHostGraph();
    const cfg = { configurable: { thread_id: "readme" } };
    const paused = await graph.invoke(input, cfg);
    expect(isInterrupted(paused)).toBe(true);
    const edited = { ...input.email, body: "Hi Ana, a short call next week?" };
    const done = await graph.invoke(new Command({ resume: { decisions: [{ type: "edit", editedAction: { name: "send_email", args: edited } }] } }), cfg);
    expect(done.sent).toEqual(edited);
    expect(done.gate?.decision?.type).toBe("edit");
  });

  it("works the same with a StateSchema state", async () => {
    const graph = schemaHostGraph();
    const cfg = { configurable: { thread_id: "readme-schema" } };
    const paused = await graph.invoke(input, cfg);
    expect(isInterrupted(paused)).toBe(true);
    const edited = { ...input.email, body: "Hi Ana, a short call next week?" };
    const done = await graph.invoke(new Command({ resume: { decisions: [{ type: "edit", editedAction: { name: "send_email", args: edited } }] } }), cfg);
    expect(done.sent).toEqual(edited);
    expect(done.gate?.decision?.type).toBe("edit");
  });

  it("offers LangChain's decisions by default: approve, edit, reject (skip is opt-in)", async () => {
    const paused = await annotationHostGraph().invoke(input, { configurable: { thread_id: "readme-default" } });
    if (!isInterrupted(paused)) throw new Error("expected the approval interrupt");
    const request = paused.__interrupt__[0]?.value as { reviewConfigs: Array<{ allowedDecisions: string[] }> };
    expect(request.reviewConfigs[0]?.allowedDecisions).toEqual(["approve", "edit", "reject"]);
  });

  it("accepts a resume exactly as LangChain's HITL middleware sends it", async () => {
    const graph = schemaHostGraph();
    const cfg = { configurable: { thread_id: "readme-hitl" } };
    await graph.invoke(input, cfg);
    const response: HITLResponse = { decisions: [{ type: "reject", message: "Not this week." }] };
    const done = await graph.invoke(new Command({ resume: response }), cfg);
    expect(done.sent).toBeNull();
    expect(done.gate?.decision).toMatchObject({ type: "reject", note: "Not this week." });
  });
});
