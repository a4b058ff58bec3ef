import { isBelow } from "../competence/levels.js";
import type { GateStore } from "../store/types.js";
import { provenanceChanges } from "./compare.js";
import { hashMatches } from "./seal.js";
import { CERTIFICATE_KIND, type AutonomyCertificate, type CertificateCheck } from "./types.js";

/** The problem reported for a certificate whose content no longer matches its hash. */
export const HASH_MISMATCH = "content hash mismatch: the certificate was changed after it was issued";

/**
 * Checks a certificate (parsed JSON) against the live database: the content hash first — an
 * edited certificate is invalid whatever it says — then whether the scope is still judged under
 * the same provenance (judge prompt versions, guardrail set, judge models, package version, key),
 * the same policy version and the same evidence epoch, and not capped below the certified level.
 * Each mismatch is named.
 */
export async function verifyCertificate(store: GateStore, certificate: unknown): Promise<CertificateCheck> {
  if (!hashMatches(certificate)) return { valid: false, problems: [HASH_MISMATCH] };
  const cert = certificate as AutonomyCertificate;
  if (cert.kind !== CERTIFICATE_KIND) {
    return { valid: false, problems: [`not an autonomy-gate certificate (kind ${JSON.stringify(cert.kind)})`] };
  }
  const state = await store.getScopeState(cert.scope);
  const [latest] = state.provenanceKey === null ? [] : await store.listVerdicts({ scope: cert.scope, limit: 1 });
  if (state.provenanceKey === null || latest === undefined) {
    return { valid: false, problems: [`scope "${cert.scope}" has no verdicts in this database`] };
  }
  const problems = provenanceChanges(cert.provenance, { ...latest.provenance, provenanceKey: state.provenanceKey });
  const policyVersion = await store.getPolicyVersion(cert.scope);
  if (policyVersion !== cert.policy.version) problems.push(`policy version ${cert.policy.version} → ${policyVersion}`);
  if (state.epoch !== cert.evidence.epoch) {
    problems.push(`evidence epoch ${cert.evidence.epoch} → ${state.epoch} (the breaker tripped: the scope must re-earn)`);
  }
  const ceiling = await store.getCeiling(cert.scope);
  if (ceiling !== null && isBelow(ceiling, cert.level)) {
    problems.push(`ceiling ${ceiling} now caps the scope below the certified ${cert.level}`);
  }
  return { valid: problems.length === 0, problems };
}
