/**
 * Figure 6 — the alternative side by side: one draft judged by the gate and by what a user would
 * otherwise assemble (openevals' createLLMAsJudge for the outcome, agentevals' trajectory LLM
 * judge), on the same fake model at the same latency: judge calls, wall time, overhead per call.
 */
import type { GateInput } from "../../src/types.js";
import { createGate } from "../../src/gate/create-gate.js";
import { createGateStore } from "../../src/store/create-gate-store.js";
import { createAlternativeJudges } from "../alternative-judges.js";
import type { BenchConfig, FigureResult } from "../figure.js";
import { fileUrl, fmt, ms, sample } from "../harness.js";
import { LatencyJudge } from "../latency-judge.js";
import { benchGateInput } from "../sample-draft.js";
import { median, ratio } from "../stats.js";

const SLOW_MS = 200;

interface Contender {
  name: string;
  /** Judges one draft (a new thread id each time, so nothing is answered from a stored verdict). */
  run: (input: GateInput, i: number) => Promise<unknown>;
  judge: LatencyJudge;
  close?: () => void;
}

function contenders(latencyMs: number, tmpDir: string): Contender[] {
  const j = () => new LatencyJudge({ latencyMs });
  const gateJudge = j();
  const gate = createGate({ judge: gateJudge });
  const twoLevelJudge = j();
  const twoLevel = createGate({ judge: twoLevelJudge, levels: ["trajectory", "outcome"] });
  const storedJudge = j();
  const store = createGateStore({ url: fileUrl(tmpDir, `alternative-${latencyMs}.db`) });
  const stored = createGate({ judge: storedJudge, store });
  const altJudge = j();
  const alt = createAlternativeJudges(altJudge);
  const seqJudge = j();
  const seq = createAlternativeJudges(seqJudge);
  const bareJudge = j();
  const messages = [{ role: "human" as const, content: "Judge this draft." }];
  return [
    { name: "gate, 3 levels, no store (`assess`)", judge: gateJudge, run: (input) => gate.assess(input) },
    { name: "gate, trajectory + outcome only, no store", judge: twoLevelJudge, run: (input) => twoLevel.assess(input) },
    {
      name: "gate, 3 levels, routed + persisted (`evaluate` with a file store)",
      judge: storedJudge,
      run: (input, i) => stored.evaluate(input, { threadId: `bench-alt-${latencyMs}-${i}` }),
      close: () => store.close(),
    },
    { name: "openevals outcome + agentevals trajectory, concurrent", judge: altJudge, run: (input) => alt.evaluate(input, { concurrent: true }) },
    { name: "openevals outcome + agentevals trajectory, sequential", judge: seqJudge, run: (input) => seq.evaluate(input, { concurrent: false }) },
    {
      name: "floor: two bare `model.invoke` calls, concurrent",
      judge: bareJudge,
      run: () => Promise.all([bareJudge.invoke(messages), bareJudge.invoke(messages)]),
    },
  ];
}

interface Row {
  name: string;
  calls: number;
  fastWall: number;
  slowWall: number;
}

export async function alternative(config: BenchConfig): Promise<FigureResult> {
  const rounds = config.quick ? 1 : 3;
  const fastIterations = config.quick ? 100 : 500;
  const slowIterations = config.quick ? 3 : 10;
  const input = await benchGateInput("alt", "bench:alternative");
  const fast = contenders(0, config.tmpDir);
  const slow = contenders(SLOW_MS, config.tmpDir);
  const calls: number[] = [];
  // Per round, each contender's median wall time at 0 ms and at the slow latency.
  const fastByRound: number[][] = [];
  const slowByRound: number[][] = [];
  let iteration = 0;
  try {
    for (const f of fast) {
      const before = f.judge.calls;
      await f.run(input, iteration++);
      calls.push(f.judge.calls - before);
    }
    for (let round = 0; round < rounds; round++) {
      const fastRound: number[] = [];
      const slowRound: number[] = [];
      for (let c = 0; c < fast.length; c++) {
        fastRound.push(median(await sample(() => fast[c]!.run(input, iteration++), { warmup: 20, iterations: fastIterations })));
        slowRound.push(median(await sample(() => slow[c]!.run(input, iteration++), { warmup: 1, iterations: slowIterations })));
      }
      fastByRound.push(fastRound);
      slowByRound.push(slowRound);
      config.log(`alternative: round ${round + 1} done`);
    }
  } finally {
    for (const c of [...fast, ...slow]) c.close?.();
  }

  const acrossRounds = (byRound: number[][], c: number) => median(byRound.map((round) => round[c]!));
  const rows: Row[] = fast.map((f, c) => ({ name: f.name, calls: calls[c]!, fastWall: acrossRounds(fastByRound, c), slowWall: acrossRounds(slowByRound, c) }));
  const index = (prefix: string) => rows.findIndex((r) => r.name.startsWith(prefix));
  const byName = (prefix: string) => rows[index(prefix)]!;
  const gate3 = byName("gate, 3 levels, no store");
  const gate2 = byName("gate, trajectory + outcome only");
  const stored = byName("gate, 3 levels, routed");
  const alt = byName("openevals outcome + agentevals trajectory, concurrent");
  const seq = byName("openevals outcome + agentevals trajectory, sequential");
  /** Median over rounds of (contender a ÷ contender b), each pair taken within one round. */
  const roundRatio = (a: string, b: string, scale = 1) =>
    median(fastByRound.map((round) => ratio(round[index(a)]!, round[index(b)]!) * scale));
  const perCallRatio = roundRatio("gate, 3 levels, no store", "openevals outcome + agentevals trajectory, concurrent", alt.calls / gate3.calls);
  const storedRatio = roundRatio("gate, 3 levels, routed", "openevals outcome + agentevals trajectory, concurrent");
  const perCall = (r: Row) => ratio(r.fastWall, r.calls);
  return {
    id: "alternative",
    title: "The alternative side by side: gate vs openevals + agentevals judges",
    method:
      "The same outreach draft (goal, three steps, evidence, a free-text expectation on the email step) judged by the gate and " +
      "by what a user would otherwise assemble: openevals' `createLLMAsJudge` (continuous score, a compliance-and-grounding " +
      "rubric over the evidence and the email) and agentevals' `createTrajectoryLLMAsJudge` (its TRAJECTORY_ACCURACY_PROMPT over " +
      "the goal, one message per step, and the email). Every contender gets its own instance of the same fake chat model " +
      `(bench/latency-judge.ts), at 0 ms and at ${SLOW_MS} ms per call. Library overhead per call is the wall time at 0 ms ` +
      `divided by the judge calls. Median per-draft wall time: ${fastIterations} drafts at 0 ms and ${slowIterations} at ` +
      `${SLOW_MS} ms per contender per round after warm-up, all contenders in each of ${rounds} round(s); the medians across ` +
      "rounds are shown, and ratios between contenders are taken within a round." +
      (config.quick ? " `--quick`: fewer drafts, one round." : ""),
    headers: ["contender", "judge calls", "wall at 0 ms", "overhead per call", `wall at ${SLOW_MS} ms`, `above ${SLOW_MS} ms`],
    rows: rows.map((r) => [r.name, String(r.calls), ms(r.fastWall), ms(perCall(r)), ms(r.slowWall), ms(r.slowWall - SLOW_MS)]),
    notes: [
      `Per judge call, without persistence, the gate spends ${ms(perCall(gate3))} against the alternative's ${ms(perCall(alt))} ` +
        `(${fmt(perCallRatio)}×, within-round ratio)` +
        (perCallRatio <= 1
          ? ", although it also runs the deterministic guardrails, escapes and fences the run data, validates each reply " +
            "against its schema and hashes the draft and provenance; the alternative goes through LangChain prompt templates, " +
            "`withStructuredOutput` and LangSmith `traceable` wrappers on every call."
          : ": it also runs the deterministic guardrails, escapes and fences the run data, validates each reply against its " +
            "schema and hashes the draft and provenance."),
      `At ${SLOW_MS} ms per call, latency dominates every contender: the gate unpersisted takes ${ms(gate3.slowWall)}, the ` +
        `alternative ${ms(alt.slowWall)} with its two evaluators awaited together and ${ms(seq.slowWall)} awaited one after the other.`,
    ],
    slower: [
      gate2.calls === alt.calls
        ? `Judge calls: the gate makes ${gate3.calls} where the alternative makes ${alt.calls}, because it also judges the step ` +
          "level (here a free-text expectation on the email step); restricted to the trajectory and outcome levels it makes the " +
          "same number. The calls run concurrently, so the extra one costs no wall time, but it does cost tokens."
        : `Judge calls: the gate makes ${gate3.calls} (${gate2.calls} with two levels) where the alternative makes ${alt.calls}.`,
      `Persistence: routing and storing the verdict (\`evaluate\` with a file store) takes ${ms(stored.fastWall)} per draft at ` +
        `0 ms latency, against ${ms(gate3.fastWall)} for the same evaluation unstored and ${ms(alt.fastWall)} for the alternative ` +
        `(${fmt(storedRatio, 1)}×, within-round ratio); at ${SLOW_MS} ms per call it is ${ms(stored.slowWall)} against ` +
        `${ms(alt.slowWall)}. Why: the gate reads the stored verdict (re-run check), the kill switch, the thread's recent ` +
        "verdicts, the scope state and its counters, then writes the verdict in a durable transaction. The alternative stores " +
        "nothing; the record, agreement statistics and audit trail the flip rests on would be the user's to build.",
    ],
    headline:
      `${gate3.calls} calls vs ${alt.calls}; ${ms(perCall(gate3))}/call vs ${ms(perCall(alt))}/call at 0 ms; persisted ${ms(stored.slowWall)} ` +
      `vs ${ms(alt.slowWall)} (concurrent) at ${SLOW_MS} ms`,
  };
}
