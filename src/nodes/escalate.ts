import { interrupt, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { isEscalationCode, type EscalationCode, type EscalationTrigger } from "../escalation/codes.js";
import type { EscalationHandoff, EscalationRequest } from "../escalation/handoff.js";
import { applyRedaction, buildEscalationPackage, escalationIdFor, type RedactPackage } from "../escalation/package.js";
import { parseResolution, resolutionResponseSchema } from "../escalation/resolution.js";
import { createEscalationRouter, type EscalationRoutingOptions } from "../escalation/routing-rules.js";
import type { EscalationTriggers } from "../escalation/triggers.js";
import type { EscalationRecord, EscalationStore } from "../escalation/types.js";
import { GateConfigError } from "../errors.js";
import { asGateInput, canonicalInput, type CanonicalInput } from "../input/canonical.js";
import type { GateStore } from "../store/types.js";
import type { GateInput, Verdict } from "../types.js";
import { gateSlotOf, type GateSlot } from "./state.js";

/** What the escalate node needs of a gate; `createGate` returns one. */
export interface EscalationGateLike {
  /** Thread history and escalation records; required (a gate created with a `store`). */
  readonly store?: (Pick<GateStore, "listVerdicts"> & EscalationStore) | undefined;
  /** The gate's trigger evaluator, used to say in words why a verdict escalated. */
  readonly escalationTriggers?: EscalationTriggers;
}

/** The default message for the end user while the owner takes over. */
export const DEFAULT_FALLBACK_MESSAGE = "I'm bringing in a specialist who will follow up shortly.";

/** Options of {@link createEscalateNode}. */
export interface EscalateNodeOptions<S> {
  /** Maps the host's state to the gate input (goal, steps, draft, evidence): usually gate_draft's `select`. */
  select: (state: S) => GateInput;
  /** Ordered routing rules from trigger codes and scope to a queue and priority. @default every escalation to "escalations", priority "normal" */
  routing?: EscalationRoutingOptions;
  /**
   * Redacts the package (mask PII, drop attachments) before anything is persisted, put in the
   * interrupt or shown. It receives a copy and returns the package to keep. @default keep as is
   */
  redact?: RedactPackage;
  /** What the end user is told. @default "I'm bringing in a specialist who will follow up shortly." */
  fallbackMessage?: string | ((state: S) => string);
  /**
   * Also puts the fallback message where the host's user-facing channel is, e.g.
   * `(m) => ({ messages: [new AIMessage(m)] })`. It is always in `state.escalation.fallbackMessage`.
   * @default no extra update
   */
  fallbackUpdate?: (message: string, state: S) => Record<string, unknown>;
  /** How many of the thread's verdicts the package lists as attempts. @default 50 */
  historyLimit?: number;
}

/**
 * The `escalate` node (DESIGN §7): hands the whole task to a human and stops the agent.
 *
 * It runs twice (wire it with {@link routeAfterEscalate}). First run: packages the context, applies
 * the redaction hook, writes the escalation record and its audit entry (idempotent by an id derived
 * from the verdict id), and puts the fallback message into state — committed before the graph
 * pauses, so the end user sees it while the owner works. Second run: interrupts with the package,
 * queue and priority; the owner's resolution resumes it (a malformed one keeps the interrupt
 * pending) and is backfilled onto the record before the node returns. A resolution made meanwhile
 * by id (API, CLI) is taken over without interrupting.
 */
export function createEscalateNode<S>(gate: EscalationGateLike, options: EscalateNodeOptions<S>) {
  const given = gate?.store;
  if (!given || typeof given.saveEscalation !== "function" || typeof given.listVerdicts !== "function") {
    throw new GateConfigError("gate", gate, "a gate from createGate({ store }) (escalations are persisted)");
  }
  const store = given;
  if (typeof options?.select !== "function") {
    throw new GateConfigError("select", options?.select, "a function (state) => GateInput");
  }
  const { redact, fallbackUpdate } = options;
  if (redact !== undefined && typeof redact !== "function") {
    throw new GateConfigError("redact", redact, "a function (package) => package");
  }
  if (fallbackUpdate !== undefined && typeof fallbackUpdate !== "function") {
    throw new GateConfigError("fallbackUpdate", fallbackUpdate, "a function (message, state) => state update");
  }
  const fallback = options.fallbackMessage ?? DEFAULT_FALLBACK_MESSAGE;
  if (typeof fallback !== "function" && (typeof fallback !== "string" || fallback.trim() === "")) {
    throw new GateConfigError("fallbackMessage", fallback, "a non-empty string or a function (state) => string");
  }
  const historyLimit = options.historyLimit ?? 50;
  if (!Number.isInteger(historyLimit) || historyLimit < 1) {
    throw new GateConfigError("historyLimit", historyLimit, "an integer ≥ 1");
  }
  const route = createEscalationRouter(options.routing);

  async function handOff(state: S, slot: GateSlot): Promise<Record<string, unknown>> {
    const { verdict } = slot;
    // The package and the trigger reasons are built from the canonical view: plain, bounded data.
    const view = canonicalInput(options.select(state));
    const input = asGateInput(view);
    const history = (await store.listVerdicts({ scope: verdict.scope, threadId: verdict.threadId, limit: historyLimit }))
      // A thread re-run later may hold newer drafts: the package shows what led to this one.
      .filter((v) => v.createdAt <= verdict.createdAt);
    const triggers = explainTriggers(gate.escalationTriggers, verdict, view, history);
    const codes = triggers.map((t) => t.code);
    const target = route(codes, verdict.scope);
    const pkg = applyRedaction(buildEscalationPackage({ verdict, input, history, triggers }), redact);
    const { record } = await store.saveEscalation({
      id: escalationIdFor(verdict.id),
      verdictId: verdict.id,
      scope: verdict.scope,
      threadId: verdict.threadId,
      queue: target.queue,
      priority: target.priority,
      codes,
      package: pkg,
    });
    const message = typeof fallback === "function" ? fallback(state) : fallback;
    return {
      ...(fallbackUpdate ? fallbackUpdate(message, state) : {}),
      gate: { ...slot, escalationId: record.id },
      escalation: toHandoff(record, message),
    };
  }

  return async (state: S, _config?: LangGraphRunnableConfig): Promise<Record<string, unknown>> => {
    const slot = gateSlotOf(state, "escalate");
    if (!(state !== null && typeof state === "object" && "escalation" in state)) {
      throw new Error("escalate: state has no `escalation` key. Spread escalationStateFields into the graph state.");
    }
    const id = escalationIdFor(slot.verdictId);
    if (slot.escalationId !== id) return handOff(state, slot);

    const handoff = (state as { escalation: EscalationHandoff | null }).escalation;
    const record = await store.getEscalation(id);
    if (!record) throw new Error(`escalate: escalation ${id} is in state but not in the store.`);
    const message = handoff?.fallbackMessage ?? (typeof fallback === "function" ? fallback(state) : fallback);
    if (record.status !== "open") return { escalation: toHandoff(record, message) };

    const request: EscalationRequest = {
      kind: "escalation",
      escalationId: record.id,
      queue: record.queue,
      priority: record.priority,
      codes: record.codes,
      package: record.package,
      fallbackMessage: message,
    };
    const answer: unknown = interrupt(request, { responseSchema: resolutionResponseSchema });
    const parsed = parseResolution(answer);
    // The response schema already refused anything else; this narrows the type.
    if (!parsed.ok) throw new Error(parsed.problem);
    const resolved = await store.resolveEscalation(id, parsed.resolution);
    return { escalation: toHandoff(resolved.record, message) };
  };
}

function toHandoff(record: EscalationRecord, fallbackMessage: string): EscalationHandoff {
  return {
    escalationId: record.id,
    verdictId: record.verdictId,
    queue: record.queue,
    priority: record.priority,
    codes: record.codes,
    fallbackMessage,
    status: record.status,
    resolution: record.resolution,
  };
}

/**
 * The reasons, in words, for the codes the verdict carries. The verdict's codes are the truth
 * (they routed the draft); re-running the pure evaluator on the same input and history recovers
 * the words, and a code it cannot explain (e.g. the gate's options changed) says so plainly.
 */
/** The words are a courtesy: a host predicate that throws now costs them, not the hand-off. */
function explainSafely(evaluate: () => EscalationTrigger[]): EscalationTrigger[] {
  try {
    return evaluate();
  } catch {
    return [];
  }
}

function explainTriggers(
  triggers: EscalationTriggers | undefined,
  verdict: Verdict,
  view: CanonicalInput,
  history: readonly Verdict[],
): EscalationTrigger[] {
  const codes = verdict.escalation.filter(isEscalationCode);
  const explained = triggers
    ? explainSafely(() => triggers.evaluate({ input: asGateInput(view), view, levels: verdict.levels, composite: verdict.composite, passed: verdict.passed, history, currentVerdictId: verdict.id }))
    : [];
  return codes.map((code: EscalationCode) => ({
    code,
    reason: explained.find((t) => t.code === code)?.reason ?? `the gate raised ${code} when it judged the draft`,
  }));
}
