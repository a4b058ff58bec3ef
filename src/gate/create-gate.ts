import { isLowCompetence } from "../competence/enforce.js";
import { backfillDecision, type DecisionInput } from "../decisions/backfill.js";
import { routeAndRecord } from "../decisions/route-verdict.js";
import { GateConfigError, WriteQueuedError } from "../errors.js";
import { asGateInput, canonicalInput, type CanonicalInput } from "../input/canonical.js";
import type { GateStore } from "../store/types.js";
import type { GateInput, Verdict, Violation } from "../types.js";
import { createAssessor, gateError } from "./assess.js";
import { verdictIdOf } from "./identity.js";
import { resolveGateOptions, type GateOptions } from "./options.js";
import { buildProvenance } from "./provenance.js";
import { recheckReused } from "./reuse.js";
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
    judgeMode: resolved.judgeMode,
    ...(resolved.agent === undefined ? {} : { agent: resolved.agent }),
  });
  const { assess, assessView } = createAssessor(resolved, provenance);

  function nowIso(): string {
    try {
      return resolved.now().toISOString();
    } catch {
      return new Date().toISOString();
    }
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

  /**
   * Something failed after the assessment (a host predicate, the thread history, a read, routing):
   * the verdict goes to the human with `gate_error`, and is stored so the human can decide it
   * (interrupt, `decide`, CLI). Only when the database refuses this write too does it stay
   * unstored, marked `stored: false`.
   */
  async function storeFallback(store: GateStore, assessment: Assessment, id: string, threadId: string, detail: string): Promise<Verdict> {
    const verdict = shadowVerdict(assessment, id, threadId, [gateError(detail)]);
    try {
      const mode = (await store.getScopeState(assessment.scope)).mode;
      return (await store.saveVerdict({ ...verdict, mode })).verdict;
    } catch (error) {
      // Kept in the outbox: written when the database answers again, not tried twice now.
      if (error instanceof WriteQueuedError) return { ...verdict, stored: false };
      try {
        return (await store.saveVerdict(verdict)).verdict;
      } catch {
        return { ...verdict, stored: false };
      }
    }
  }

  async function evaluate(input: GateInput, ctx: EvaluateContext = {}): Promise<Verdict> {
    const threadId = typeof ctx?.threadId === "string" ? ctx.threadId : "";
    // Rendered once: the id, the levels, the guardrails and the triggers all read this view.
    const view = canonicalInput(input);
    const id = verdictIdOf(view, view.scope ?? resolved.scope, threadId);
    const store = resolved.store;
    let killSwitch = resolved.killSwitch || ctx?.killSwitch === true;
    if (!store) return { ...shadowVerdict(await assessView(view, { killSwitch }), id, threadId), stored: false };

    let existing: Verdict | null;
    try {
      killSwitch = killSwitch || (await store.getKillSwitch());
      existing = await store.getVerdict(id);
    } catch {
      // The store cannot be read: judge anyway; nothing can go auto without the store.
      return storeFallback(store, await assessView(view, { killSwitch }), id, threadId, "store unavailable; the draft goes to a human");
    }
    if (existing) {
      // The same canonical input on the same thread (a re-run): no second judge call, no second row.
      return recheckReused(store, existing, { killSwitch, provenanceKey: provenance.provenanceKey, gatePolicy: resolved.policy, competence: resolved.competence });
    }
    const assessment = await assessView(view, { killSwitch });
    let escalation: string[];
    try {
      escalation = await escalationCodes(store, view, assessment, id, threadId);
    } catch {
      return storeFallback(store, assessment, id, threadId, "escalation checks failed (a host predicate or a read); the draft goes to a human");
    }
    try {
      return await routeAndRecord(store, assessment, {
        id,
        scope: assessment.scope,
        threadId,
        createdAt: nowIso(),
        killSwitch,
        escalation,
        gatePolicy: resolved.policy,
        competence: resolved.competence,
        postHocRate: resolved.postHocRate,
      });
    } catch {
      return storeFallback(store, assessment, id, threadId, "routing or persistence failed; the draft goes to a human");
    }
  }

  /**
   * The escalation triggers that fire for this draft (DESIGN §7), over the canonical view and the
   * thread's latest verdicts. A throwing host predicate or read throws: the caller fails open.
   */
  async function escalationCodes(store: GateStore, view: CanonicalInput, assessment: Assessment, id: string, threadId: string): Promise<string[]> {
    const triggers = resolved.escalationTriggers;
    const history = triggers.historyDepth > 0 ? await store.threadHistory(assessment.scope, threadId, triggers.historyDepth) : [];
    const { levels, composite, passed } = assessment;
    const codes = triggers.evaluate({ input: asGateInput(view), view, levels, composite, passed, history, currentVerdictId: id }).map((trigger) => trigger.code);
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
