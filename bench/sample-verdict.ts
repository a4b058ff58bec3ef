/**
 * A verdict shaped like the gate's (three scored levels, provenance, eligibility; no draft text)
 * for the write-throughput figure, which measures the store alone.
 */
import { createGate } from "../src/gate/create-gate.js";
import { hashValue } from "../src/hash.js";
import type { Verdict } from "../src/types.js";
import { LatencyJudge } from "./latency-judge.js";

/** The provenance a real gate stamps, so the rows are the size and shape of real ones. */
const PROVENANCE = createGate({ judge: new LatencyJudge() }).provenance;

/** Verdict number `i` of `writer` in `scope`: distinct id, thread and draft hash. */
export function sampleVerdict(scope: string, writer: number, i: number, createdAt: string): Verdict {
  const threadId = `bench-thread-${writer}-${i}`;
  const draftHash = hashValue({ writer, i });
  return {
    id: hashValue({ scope, threadId, draftHash }),
    scope,
    threadId,
    draftHash,
    levels: [
      { level: "step", score: 0.9, reason: "Each step produced what the next one needed.", violations: [], promptId: "step-expectations@1", latencyMs: 412 },
      { level: "trajectory", score: 0.9, reason: "Research, angle, email: a sensible order.", violations: [], promptId: "trajectory@1", latencyMs: 388 },
      { level: "outcome", score: 0.9, reason: "Grounded in the evidence, one clear ask.", violations: [], promptId: "outcome-compliance@1", latencyMs: 455 },
    ],
    composite: 0.9,
    passed: true,
    violations: [],
    unscored: [],
    rationale: "passed: composite 0.90",
    provenance: PROVENANCE,
    mode: "shadow",
    route: "human",
    auditSampled: false,
    escalation: [],
    eligibility: { eligible: false, reasons: ["n 0 < 50"], n: 0, agreement: null, wilsonLower: null, kappa: null, rejectedPasses: 0 },
    createdAt,
  };
}
