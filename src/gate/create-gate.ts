import { isLowCompetence } from "../competence/enforce.js";
import { backfillDecision, type DecisionInput } from "../decisions/backfill.js";
import { routeAndRecord } from "../decisions/route-verdict.js";
import { GateConfigError } from "../errors.js";
import { hashValue } from "../hash.js";
import type { GateStore } from "../store/types.js";
import type { GateInput, Verdict, Violation } from "../types.js";
import { createAssessor, gateError } from "./assess.js";
import { draftHashOf, readInput } from "./input.js";
import { resolveGateOptions, type GateOptions } from "./options.js";
import { buildProvenance } from "./provenance.js";
import type { Assessment, EvaluateContext, Gate } from "./types.js";

/**
 * Create the multi-level evaluation gate (DESIGN §3–4). Options are validated here: invalid
 * configuration throws GateConfigError naming the bad value; nothing else ever throws. The gate
 * assesses a draft (./assess.ts), then, with a store, routes it by the scope's mode and
 * eligibility, persists the verdict, and backfills decisions.
 */
export function createGate(options: GateOptions = {}): Gate {
  const resolved = resolveGateOptions(options);
  const provenance = buildProvenance({
    levels: resolved.levels,
    judges: resolved.judges,
    guardrails: resolved.guardrails,
    severity: resolved.severity,
    passThreshold: resolved.passThreshold,
    ...(resolved.agent === undefined ? {} : { agent: resolved.agent }),
  });
  const assess = createAssessor(resolved, provenance);

  function nowIso(): string {
    try {
      return resolved.now().toISOString();
    } catch {
      return new Date().toISOString();
    }
  }

  /** The verdict id: a hash of scope, thread and draft, so re-running a node finds the same row. */
  function identify(input: GateInput, threadId: string): { id: string; scope: string; draftHash: string } {
    let scope = resolved.scope;
    let draftHash = "unavailable";
    try {
      const read = readInput(input);
      scope = read.scope ?? scope;
      draftHash = draftHashOf(read.draft);
    } catch {
      // an unreadable input still gets a verdict (with gate_error) from assess
    }
    return { id: hashValue({ scope, threadId, draftHash }), scope, draftHash };
  }

  function shadowVerdict(assessment: Assessment, id: string, threadId: string, extra: Violation[] = []): Verdict {
    const { scope, draftHash, levels, composite, unscored, rationale } = assessment;
    const violations = [...assessment.violations, ...extra];
    return {
      id,
      scope,
      threadId,
      draftHash,
      levels,
      composite,
      passed: assessment.passed && extra.length === 0,
      violations,
      unscored,
      rationale: extra.length === 0 ? rationale : `${rationale}; routed to a human: gate error`,
      provenance,
      mode: "shadow",
      route: "human",
      auditSampled: false,
      escalation: [],
      createdAt: nowIso(),
    };
  }

  async function evaluate(input: GateInput, ctx: EvaluateContext = {}): Promise<Verdict> {
    const threadId = typeof ctx?.threadId === "string" ? ctx.threadId : "";
    const { id } = identify(input, threadId);
    const store = resolved.store;
    if (!store) return shadowVerdict(await assess(input, { killSwitch: ctx?.killSwitch }), id, threadId);

    let killSwitch = ctx?.killSwitch === true;
    try {
      // A re-run (resume, retry) returns the stored verdict: no second judge call, no second row.
      const existing = await store.getVerdict(id);
      if (existing) return existing;
      killSwitch = killSwitch || (await store.getKillSwitch());
    } catch {
      // The store is down: fail open. Judge anyway, but nothing can go auto without the store.
      const assessment = await assess(input, { killSwitch });
      return shadowVerdict(assessment, id, threadId, [gateError("store unavailable; the draft goes to a human")]);
    }
    const assessment = await assess(input, { killSwitch });
    try {
      return await routeAndRecord(store, assessment, {
        id,
        scope: assessment.scope,
        threadId,
        createdAt: nowIso(),
        killSwitch: killSwitch || resolved.killSwitch,
        escalation: await escalationCodes(store, input, assessment, id, threadId),
        gatePolicy: resolved.policy,
        competence: resolved.competence,
        postHocRate: resolved.postHocRate,
      });
    } catch {
      return shadowVerdict(assessment, id, threadId, [gateError("routing or persistence failed; the draft goes to a human")]);
    }
  }

  /**
   * The escalation triggers that fire for this draft (DESIGN §7), over the normalized input and the
   * thread's latest verdicts. A throwing host predicate fails open with the rest of routing.
   */
  async function escalationCodes(store: GateStore, input: GateInput, assessment: Assessment, id: string, threadId: string): Promise<string[]> {
    const triggers = resolved.escalationTriggers;
    const history = triggers.historyDepth > 0 ? await store.listVerdicts({ scope: assessment.scope, threadId, limit: triggers.historyDepth }) : [];
    const { levels, composite, passed } = assessment;
    const codes = triggers.evaluate({ input: readInput(input), levels, composite, passed, history, currentVerdictId: id }).map((trigger) => trigger.code);
    if (resolved.competence.enforce) {
      const strength = (await store.getCompetence(assessment.scope))?.strength ?? resolved.competence.initial;
      if (isLowCompetence(strength, resolved.competence)) codes.push("low_competence");
    }
    return codes;
  }

  async function decide(verdictId: string, decision: DecisionInput): Promise<Verdict> {
    if (!resolved.store) {
      throw new GateConfigError("store", undefined, "a GateStore (createGateStore()) to backfill decisions onto verdicts");
    }
    return backfillDecision(resolved.store, verdictId, decision, resolved.policy, resolved.competence);
  }

  return { options: resolved, provenance, store: resolved.store, escalationTriggers: resolved.escalationTriggers, assess, evaluate, decide };
}
