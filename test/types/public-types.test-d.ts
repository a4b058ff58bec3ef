// Type tests, run by the typecheck (`tsc -p tsconfig.json`): the public types fit LangGraph's two
// state APIs and LangChain v1's human-in-the-loop types. A broken fit is a compile error here.
import { Annotation, StateGraph, StateSchema } from "@langchain/langgraph";
import type { Decision as LangChainDecision, HITLRequest, HITLResponse } from "langchain";
import { expectTypeOf } from "vitest";
import { z } from "zod";
import {
  createAwaitApprovalNode,
  createGateDraftNode,
  gateStateFields,
  gateStateSchemaFields,
  routeAfterApproval,
  routeAfterGate,
  type ApprovalRequest,
  type DecisionType,
  type GateLike,
  type GateSlot,
  type HumanDecision,
} from "../../src/index.js";

declare const gate: GateLike;

// --- StateSchema: the fragment spreads into new StateSchema({...}) and types the slot.
const SchemaState = new StateSchema({ goal: z.string(), draft: z.string(), ...gateStateSchemaFields });
type SchemaS = typeof SchemaState.State;
expectTypeOf<SchemaS["gate"]>().toEqualTypeOf<GateSlot | null>();
expectTypeOf<SchemaS["goal"]>().toEqualTypeOf<string>();

const afterGate = routeAfterGate({ auto: "send" });
expectTypeOf(afterGate.pathMap).toEqualTypeOf<Array<"send" | "await_approval" | "escalate">>();
const afterApproval = routeAfterApproval({ approve: "send", reject: "end" });
expectTypeOf(afterApproval.pathMap).toEqualTypeOf<Array<"send" | "end">>();
expectTypeOf(routeAfterApproval({ approve: "send", reject: "end", skip: "later" }).pathMap).toEqualTypeOf<
  Array<"send" | "end" | "later">
>();

export const schemaGraph = new StateGraph(SchemaState)
  .addNode("gate_draft", createGateDraftNode<SchemaS>(gate, { select: (s) => ({ goal: s.goal, steps: [], draft: s.draft }) }))
  .addNode("await_approval", createAwaitApprovalNode<SchemaS>(gate, { action: (s) => ({ name: "send", args: { text: s.draft } }), onEdit: () => ({}) }))
  .addNode("send", () => ({}))
  .addNode("escalate", () => ({}))
  .addNode("end", () => ({}))
  .addConditionalEdges("gate_draft", afterGate, afterGate.pathMap)
  .addConditionalEdges("await_approval", afterApproval, afterApproval.pathMap);

// --- Annotation.Root: the same fragment for the annotation API.
const AnnotationState = Annotation.Root({ goal: Annotation<string>(), draft: Annotation<string>(), ...gateStateFields });
type AnnotationS = typeof AnnotationState.State;
expectTypeOf<AnnotationS["gate"]>().toEqualTypeOf<GateSlot | null>();
export const annotationGraph = new StateGraph(AnnotationState)
  .addNode("gate_draft", createGateDraftNode<AnnotationS>(gate, { select: (s) => ({ goal: s.goal, steps: [], draft: s.draft }) }))
  .addNode("send", () => ({}))
  .addNode("await_approval", () => ({}))
  .addNode("escalate", () => ({}))
  .addConditionalEdges("gate_draft", afterGate, afterGate.pathMap);

// --- LangChain v1 HITL: the default payload is a HITLRequest, the default decision a Decision.
expectTypeOf<ApprovalRequest>().toExtend<HITLRequest>();
expectTypeOf<HumanDecision>().toExtend<LangChainDecision>();
// What LangChain's middleware sends back is a decision the node accepts as is.
expectTypeOf<LangChainDecision>().toExtend<HumanDecision>();
expectTypeOf<HITLResponse["decisions"][number]>().toExtend<HumanDecision>();
// The opt-in skip is an extension, outside LangChain's vocabulary.
expectTypeOf<ApprovalRequest<DecisionType>>().not.toExtend<HITLRequest>();
expectTypeOf<HumanDecision<DecisionType>>().not.toExtend<LangChainDecision>();
