import { getCeiling, setCeiling } from "./ceilings.js";
import { competenceHistory, getCompetence, recordCompetence } from "./competence.js";
import type { StoreContext } from "./context.js";
import { dailyActivity, decisionTimeline, evidencePeriod } from "./history.js";
import type { LedgerStore } from "./ledger-types.js";
import { agreementByPolicyVersion, getPolicyVersion, listPolicyVersions } from "./policies.js";

/** The {@link LedgerStore} part of the gate store over one connection. */
export function ledgerMethods(ctx: StoreContext): LedgerStore {
  return {
    getCompetence: (scope) => getCompetence(ctx, scope),
    recordCompetence: (input, config) => recordCompetence(ctx, input, config),
    competenceHistory: (scope, options) => competenceHistory(ctx, scope, options),
    getCeiling: (scope) => getCeiling(ctx, scope),
    setCeiling: (scope, ceiling, actor) => setCeiling(ctx, scope, ceiling, actor),
    getPolicyVersion: (scope) => getPolicyVersion(ctx, scope),
    listPolicyVersions: (scope) => listPolicyVersions(ctx, scope),
    agreementByPolicyVersion: (scope) => agreementByPolicyVersion(ctx, scope),
    decisionTimeline: (scope, options) => decisionTimeline(ctx, scope, options),
    dailyActivity: (scope) => dailyActivity(ctx, scope),
    evidencePeriod: (scope, provenanceKey, epoch) => evidencePeriod(ctx, scope, provenanceKey, epoch),
  };
}
