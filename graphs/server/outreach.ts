// The outreach campaign graph as the LangGraph API server serves it (langgraph.json: "outreach").
// Only composition: the same nodes as in-process; the server supplies the checkpointer.
import { createGate } from "../../src/gate/create-gate.js";
import { createOutreachGraph } from "../outreach/graph.js";
import { outreachScriptedJudges } from "../scripted-judge.js";
import { judgeOr, store } from "./environment.js";

const SCOPE = "outreach:first_touch";

export const graph = createOutreachGraph({
  gate: createGate({ judge: await judgeOr(outreachScriptedJudges), store, scope: SCOPE }),
  scope: SCOPE,
}).compile();
