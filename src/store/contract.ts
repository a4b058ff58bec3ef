import type { GateStore } from "./types.js";

type MethodOf<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T];

/**
 * Every method of the `GateStore` contract. A store given to `createGate` must have them all:
 * the gate, the nodes, `decide` and the CLI use different parts, and a missing one would fail only
 * after a human had done the work. The type below fails to compile when the contract grows and this
 * list does not.
 */
export const GATE_STORE_METHODS = [
  "migrate", "close", "saveVerdict", "getVerdict", "listVerdicts", "threadHistory", "recordDecision", "getScopeState", "listScopes",
  "setMode", "tripBreaker", "setPolicy", "setProvenanceKey", "routeCounts", "getCounts", "recentAutoDecisions",
  "getKillSwitch", "setKillSwitch", "appendAudit", "listAudit", "verifyAudit", "getCompetence", "recordCompetence",
  "competenceHistory", "getCeiling", "setCeiling", "getPolicyVersion", "listPolicyVersions", "agreementByPolicyVersion",
  "decisionTimeline", "dailyActivity", "evidencePeriod", "saveEscalation", "getEscalation", "listEscalations",
  "resolveEscalation", "escalationStats", "postHocQueue", "recordPostHocReview", "getPostHocReview", "postHocStats",
  "listVerdictsBy", "calibrationRecords", "escalationTrend", "recountCounts",
  "outboxStatus", "drainOutbox",
] as const satisfies ReadonlyArray<MethodOf<GateStore>>;

type Unlisted = Exclude<MethodOf<GateStore>, (typeof GATE_STORE_METHODS)[number]>;
/** Compile-time check: `true` only when every contract method is listed. */
export const GATE_STORE_METHODS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;

/** The contract methods `value` lacks (empty for a complete store). Reading a throwing getter counts as lacking it. */
export function missingStoreMethods(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [...GATE_STORE_METHODS];
  return GATE_STORE_METHODS.filter((name) => {
    try {
      return typeof (value as Record<string, unknown>)[name] !== "function";
    } catch {
      return true;
    }
  });
}
