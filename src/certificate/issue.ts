import type { CompetenceOptions } from "../competence/options.js";
import { AUTO_LEVEL, isBelow, maxLevel, type AutonomyLevel } from "../competence/levels.js";
import { computeStatus, type ScopeStatus } from "../decisions/status.js";
import { GateConfigError, OperationRefusedError } from "../errors.js";
import type { FlipPolicy, GateStore } from "../store/types.js";
import { sealCertificate } from "./seal.js";
import { CERTIFICATE_KIND, type AutonomyCertificate } from "./types.js";

/** Options of {@link issueCertificate}. */
export interface IssueCertificateOptions {
  /** Pass rate of the gate's golden suite (e.g. from `autonomy-gate eval`), in [0, 1]. @default null (unknown) */
  goldenPassRate?: number | null;
  /** The gate's flip policy when the scope has no override. @default DEFAULT_FLIP_POLICY */
  gatePolicy?: FlipPolicy;
  /** The competence ledger's options. @default {} */
  competence?: CompetenceOptions;
  /** Clock for `issuedAt`. @default () => new Date() */
  now?: () => Date;
}

/**
 * Issues an autonomy certificate for a scope: its current level and the evidence it stands on (the
 * decided verdicts of the current provenance key and epoch), bound to the provenance versions of
 * the latest verdict under that key and to the scope's policy version, sealed with a content hash.
 * @throws OperationRefusedError when the scope has no verdicts yet: there is nothing to certify.
 */
export async function issueCertificate(
  store: GateStore,
  scope: string,
  options: IssueCertificateOptions = {},
): Promise<AutonomyCertificate> {
  const golden = options.goldenPassRate ?? null;
  if (golden !== null && (typeof golden !== "number" || !(golden >= 0 && golden <= 1))) {
    throw new GateConfigError("goldenPassRate", golden, "a number in [0, 1]");
  }
  const [status] = await computeStatus(store, {
    scope,
    ...(options.gatePolicy ? { gatePolicy: options.gatePolicy } : {}),
    ...(options.competence ? { competence: options.competence } : {}),
  });
  const provenanceKey = status?.provenanceKey ?? null;
  const latest = provenanceKey === null ? [] : await store.listVerdicts({ scope, limit: 1 });
  const provenance = latest[0]?.provenance;
  if (status === undefined || provenanceKey === null || provenance === undefined) {
    throw new OperationRefusedError(`Certifying scope "${scope}"`, ["the scope has no verdicts yet"]);
  }
  const period = await store.evidencePeriod(scope, provenanceKey, status.epoch);
  return sealCertificate({
    kind: CERTIFICATE_KIND,
    scope,
    level: status.level,
    role: status.role,
    maxLevel: maxLevelEarned(status),
    agent: provenance.agent ?? null,
    ceiling: status.ceiling,
    mode: status.mode,
    evidence: {
      n: status.n,
      agreement: status.agreement,
      wilsonLower: status.wilsonLower,
      kappa: status.kappa,
      passPrecision: status.passPrecision,
      rejectedPasses: status.rejectedPasses,
      goldenPassRate: golden,
      period,
      epoch: status.epoch,
      eligible: status.eligible,
    },
    competence: { strength: status.competence, band: status.competenceBand },
    // The scope's live key names the evidence; the versions are those of the verdict that set it.
    provenance: { ...provenance, provenanceKey },
    policy: { version: status.policyVersion, rule: status.policy },
    issuedAt: (options.now ?? (() => new Date()))().toISOString(),
  });
}

/**
 * The highest level the scope's evidence supports on its current provenance and agent: auto (L4)
 * when the flip criterion holds, else the shadow level its competence supports; never above the
 * ceiling, never below the level it operates at.
 */
function maxLevelEarned(status: ScopeStatus): AutonomyLevel {
  const earned: AutonomyLevel = status.eligible ? AUTO_LEVEL : status.competenceBand === "guidance-seeking" ? "L2" : "L3";
  const capped = status.ceiling !== null && isBelow(status.ceiling, earned) ? status.ceiling : earned;
  return maxLevel(capped, status.level);
}
