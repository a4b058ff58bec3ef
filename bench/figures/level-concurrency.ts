/**
 * Figure 2 — level concurrency: with a judge that takes 200 ms per call, the `gate_draft` node's
 * wall time against one and three times that latency. Concurrent levels sit near 1×; sequential
 * ones would sit near 3×.
 */
import { createGate } from "../../src/gate/create-gate.js";
import { createGateDraftNode } from "../../src/nodes/gate-draft.js";
import { createGateStore } from "../../src/store/create-gate-store.js";
import type { GateInput } from "../../src/types.js";
import type { BenchConfig, FigureResult } from "../figure.js";
import { fileUrl, fmt, ms, sample } from "../harness.js";
import { LatencyJudge } from "../latency-judge.js";
import { benchGateInput } from "../sample-draft.js";
import { median, medianOfRuns, ratio, summarize } from "../stats.js";

const LATENCY_MS = 200;
const SCOPE = "bench:concurrency";

export async function levelConcurrency(config: BenchConfig): Promise<FigureResult> {
  const rounds = config.quick ? 1 : 3;
  const iterations = config.quick ? 5 : 15;
  const store = createGateStore({ url: fileUrl(config.tmpDir, "concurrency.db") });
  const judge = new LatencyJudge({ latencyMs: LATENCY_MS });
  const gate = createGate({ judge, store });
  const node = createGateDraftNode<{ input: GateInput }>(gate, { select: (s) => s.input });
  const callsPerDraft: number[] = [];
  let draft = 0;
  const runOne = async () => {
    const id = `p${draft++}`;
    const input = await benchGateInput(id, SCOPE);
    const before = judge.calls;
    // A new thread per draft, so no draft is answered from an earlier stored verdict.
    await node({ input }, { configurable: { thread_id: `bench-concurrency-${id}` } });
    callsPerDraft.push(judge.calls - before);
  };
  try {
    const perRound = [];
    for (let round = 0; round < rounds; round++) {
      const { p50, p99 } = summarize(await sample(runOne, { warmup: 2, iterations }));
      perRound.push({ p50, p99, vs1x: ratio(p50, LATENCY_MS), vs3x: ratio(p50, 3 * LATENCY_MS) });
    }
    const result = medianOfRuns(perRound);
    const calls = median(callsPerDraft);
    return {
      id: "concurrency",
      title: "Level concurrency: gate_draft wall time with a 200 ms judge",
      method:
        `The \`gate_draft\` node (createGate with a fake judge that waits ${LATENCY_MS} ms per call, a file store) on the outreach ` +
        "first-touch draft with a free-text expectation on its email step, so the step, trajectory and outcome levels each make " +
        `one judge call. A new thread per draft. ${iterations} drafts per round after 2 warm-up drafts, ${rounds} round(s), median ` +
        "of the per-round figures." +
        (config.quick ? " `--quick`: 5 drafts, one round." : ""),
      headers: ["judge calls per draft", "wall p50", "wall p99", "1× latency", "3× latency", "p50 / 1×", "p50 / 3×"],
      rows: [[fmt(calls, 0), ms(result.p50), ms(result.p99), ms(LATENCY_MS), ms(3 * LATENCY_MS), `${fmt(result.vs1x)}×`, `${fmt(result.vs3x)}×`]],
      notes: [
        `The three judge calls run concurrently: a draft costs ${fmt(result.vs1x)}× one call's latency, not 3×. What is above 1× is ` +
          "the gate's own work (guardrails, prompt building, parsing) plus the verdict write and the scope reads.",
      ],
      slower: [],
      headline: `${ms(result.p50)} p50 for ${fmt(calls, 0)} calls of ${LATENCY_MS} ms = ${fmt(result.vs1x)}× one call (3× would be ${ms(3 * LATENCY_MS)})`,
    };
  } finally {
    store.close();
  }
}
