import { MemorySaver } from "@langchain/langgraph";
import { createOutreachGraph } from "../../graphs/outreach/graph.js";
import type { Prospect, SentEmail } from "../../graphs/outreach/state.js";
import { outreachScriptedJudges } from "../../graphs/scripted-judge.js";
import { createGate } from "../../src/gate/create-gate.js";
import type { GateOptions } from "../../src/gate/options.js";
import { createGateStore } from "../../src/store/create-gate-store.js";

export const FIXED_NOW = () => new Date("2026-03-02T09:00:00.000Z");

export function prospect(id: string, style = "clean"): Prospect {
  return {
    id,
    name: "Ana Alvarez",
    company: "Acme Logistics",
    email: "ana@acme.example",
    facts: { trigger: "your Series B announcement", style },
  };
}

/** The outreach graph on a fresh in-memory store with the scripted judges and a recording sender. */
export function outreachHarness(options: { policy?: GateOptions["policy"] } = {}) {
  const store = createGateStore({ url: ":memory:", now: FIXED_NOW });
  const gate = createGate({ judge: outreachScriptedJudges(), store, now: FIXED_NOW, ...options });
  const sent: SentEmail[] = [];
  const graph = createOutreachGraph({ gate, send: (email) => void sent.push(email), now: FIXED_NOW }).compile({
    checkpointer: new MemorySaver(),
  });
  return { store, gate, graph, sent };
}
