// A consumer's own refund graph, written against the installed package only (no repo paths).
import { writeFileSync } from "node:fs";
import { Annotation, Command, END, MemorySaver, START, StateGraph, StateSchema, isInterrupted } from "@langchain/langgraph";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { z } from "zod";
import {
  PACKAGE_VERSION,
  createAwaitApprovalNode,
  createGate,
  createGateDraftNode,
  createGateStore,
  gateStateFields,
  gateStateSchemaFields,
  routeAfterApproval,
  routeAfterGate,
  type ApprovalRequest,
  type GateStore,
} from "autonomy-gate";

const db = process.argv[2] ?? "file:consumer.db";

const State = new StateSchema({
  ticket: z.string(),
  amount: z.number(),
  refunded: z.number().nullable().default(null),
  ...gateStateSchemaFields,
});
type S = typeof State.State;

// The Annotation API takes the same fragment (typechecked here, run by the package's own tests).
export const AnnotationState = Annotation.Root({ ticket: Annotation<string>(), ...gateStateFields });

function refundGraph(store: GateStore) {
  const reply = JSON.stringify({ reasoning: "Matches the order and the policy.", score: 0.95 });
  const gate = createGate({ judge: new FakeListChatModel({ responses: [reply] }), store, scope: "refunds:small" });
  const afterGate = routeAfterGate({ auto: "refund", escalate: "await_approval" });
  const afterApproval = routeAfterApproval({ approve: "refund", reject: END });
  return new StateGraph(State)
    .addNode(
      "gate_draft",
      createGateDraftNode<S>(gate, {
        select: (s) => ({
          goal: `Resolve ticket ${s.ticket}`,
          steps: [{ name: "lookup_order", output: { ticket: s.ticket, amount: s.amount } }],
          draft: { text: `Refund $${s.amount.toFixed(2)} for ticket ${s.ticket}.`, args: { amount: s.amount } },
          evidence: { order: { ticket: s.ticket, amount: s.amount } },
        }),
      }),
    )
    .addNode(
      "await_approval",
      createAwaitApprovalNode<S>(gate, {
        action: (s) => ({ name: "refund", args: { ticket: s.ticket, amount: s.amount } }),
        onEdit: (edited) => ({ amount: Number(edited.args.amount) }),
      }),
    )
    .addNode("refund", (s: S) => ({ refunded: s.amount }))
    .addEdge(START, "gate_draft")
    .addConditionalEdges("gate_draft", afterGate, afterGate.pathMap)
    .addConditionalEdges("await_approval", afterApproval, afterApproval.pathMap)
    .addEdge("refund", END)
    .compile({ checkpointer: new MemorySaver() });
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`consumer graph: ${what}`);
  console.log(`ok - ${what}`);
}

const store = createGateStore({ url: db });
try {
  const graph = refundGraph(store);
  // A human edits the amount: the edited amount is refunded.
  const edited = { configurable: { thread_id: "ticket-1" } };
  const paused = await graph.invoke({ ticket: "T-1", amount: 84.5 }, edited);
  check(isInterrupted(paused), "shadow mode stops at the approval interrupt");
  const request = (isInterrupted(paused) ? paused.__interrupt__[0]?.value : undefined) as ApprovalRequest | undefined;
  check(request?.reviewConfigs[0]?.allowedDecisions.join(",") === "approve,edit,reject", "LangChain's decisions are offered");
  const done = await graph.invoke(
    new Command({ resume: { decisions: [{ type: "edit", editedAction: { name: "refund", args: { ticket: "T-1", amount: 10 } } }] } }),
    edited,
  );
  check(done.refunded === 10, "the edited amount is refunded");

  // A second ticket waits for a decision made outside the graph (the CLI's `decide`).
  const pending = await graph.invoke({ ticket: "T-2", amount: 12 }, { configurable: { thread_id: "ticket-2" } });
  const waiting = (isInterrupted(pending) ? pending.__interrupt__[0]?.value : undefined) as ApprovalRequest | undefined;
  check(typeof waiting?.gate.verdictId === "string", "the second ticket waits with a verdict id");
  writeFileSync("pending-verdict.txt", waiting?.gate.verdictId ?? "");
  console.log(`autonomy-gate ${PACKAGE_VERSION}: consumer graph ran`);
} finally {
  store.close();
}
