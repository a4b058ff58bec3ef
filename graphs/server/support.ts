// The support-reply graph as the LangGraph API server serves it (langgraph.json: "support"), wired
// as the support demo wires it: the demo accounts, the sensitivity predicate for the `sensitive`
// escalation trigger. Only composition; the server supplies the checkpointer.
import { createGate } from "../../src/gate/create-gate.js";
import { tableLookup } from "../support/agent.js";
import { DEMO_ACCOUNTS } from "../support/demo-tickets.js";
import { createSupportGraph } from "../support/graph.js";
import { supportScriptedJudges } from "../support/scripted-judges.js";
import { supportSensitivity } from "../support/sensitivity.js";
import { judgeOr, store } from "./environment.js";

const SCOPE = "support:reply";

export const graph = createSupportGraph({
  gate: createGate({
    judge: await judgeOr(supportScriptedJudges),
    store,
    scope: SCOPE,
    escalation: { sensitive: { isSensitive: supportSensitivity({ refundLimit: 200 }) } },
  }),
  lookup: tableLookup(DEMO_ACCOUNTS),
  scope: SCOPE,
}).compile();
