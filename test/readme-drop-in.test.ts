// The README's drop-in example, as written there, wired into a small host graph of its own.
import { Annotation, Command, END, MemorySaver, START, StateGraph, isInterrupted } from "@langchain/langgraph";
import { afterEach, describe, expect, it } from "vitest";
import { outreachScriptedJudges } from "../graphs/scripted-judge.js";
import {
  createAwaitApprovalNode,
  createGate,
  createGateDraftNode,
  createGateStore,
  gateStateFields,
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

let store: GateStore;
afterEach(() => store?.close());

function hostGraph() {
  store = createGateStore({ url: ":memory:" });
  // --- as in the README ---
  const gate = createGate({ judge: outreachScriptedJudges(), store, scope: "outreach:first_touch" });
  const State = Annotation.Root({ ...MyState.spec, ...gateStateFields });
  type S = typeof State.State;
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
    .addConditionalEdges("gate_draft", routeAfterGate({ auto: "send", escalate: "await_approval" }))
    .addConditionalEdges("await_approval", routeAfterApproval({ approve: "send", reject: "end_touch" }));
  // ---
  return builder.compile({ checkpointer: new MemorySaver() });
}

const input = {
  goal: "Book a call with Ana at Acme",
  steps: [{ name: "research", output: { company: "Acme" } }],
  facts: { company: "Acme" },
  email: { to: "ana@acme.example", subject: "Acme", body: "Hi Ana, congratulations on the Series B. A short call next week?" },
};

describe("the README's drop-in example", () => {
  it("stops at the approval interrupt and sends the edited email after an edit", async () => {
    const graph = hostGraph();
    const cfg = { configurable: { thread_id: "readme" } };
    const paused = await graph.invoke(input, cfg);
    expect(isInterrupted(paused)).toBe(true);
    const edited = { ...input.email, body: "Hi Ana, a short call next week?" };
    const done = await graph.invoke(new Command({ resume: { decisions: [{ type: "edit", editedAction: { name: "send_email", args: edited } }] } }), cfg);
    expect(done.sent).toEqual(edited);
    expect(done.gate?.decision?.type).toBe("edit");
  });
});
