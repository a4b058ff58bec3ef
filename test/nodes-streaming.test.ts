import { MemorySaver } from "@langchain/langgraph";
import { afterEach, describe, expect, it } from "vitest";
import { createOutreachGraph } from "../graphs/outreach/graph.js";
import { outreachScriptedJudges } from "../graphs/scripted-judge.js";
import { createGate } from "../src/gate/create-gate.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import { prospect } from "./helpers/nodes-outreach.js";

let store: GateStore;
afterEach(() => store?.close());

describe("gate_draft in a streamed run", () => {
  it("the judge's replies never appear in the graph's messages stream", async () => {
    store = createGateStore({ url: ":memory:" });
    const gate = createGate({ judge: outreachScriptedJudges(), store });
    const graph = createOutreachGraph({ gate }).compile({ checkpointer: new MemorySaver() });
    const seen: string[] = [];
    const stream = await graph.stream({ prospect: prospect("t-stream") }, { configurable: { thread_id: "t-stream" }, streamMode: ["messages", "values"] });
    let judged = false;
    for await (const [mode, chunk] of stream) {
      if (mode === "messages") seen.push(JSON.stringify(chunk));
      if (mode === "values" && (chunk as { gate?: { verdict?: { levels: Array<{ score: number | null }> } } }).gate?.verdict) {
        judged = (chunk as any).gate.verdict.levels.every((l: { score: number | null }) => l.score !== null);
      }
    }
    expect(judged).toBe(true);
    expect(seen.filter((s) => s.includes("reasoning"))).toEqual([]);
  });
});
