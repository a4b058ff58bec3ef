import type { CompetenceBand } from "../competence/band.js";
import type { AutonomyLevel } from "../competence/levels.js";
import type { FlipPolicy } from "../store/types.js";
import type { AgentSpec, Mode, Provenance } from "../types.js";

/** The format marker every certificate carries, so a reader can tell what it holds. */
export const CERTIFICATE_KIND = "autonomy-gate/certificate@1";

/** The statistics a certificate stands on: the scope's current body of evidence. */
export interface CertificateEvidence {
  /** Decided verdicts (approve, edit, reject) under the certified provenance key and epoch. */
  n: number;
  agreement: number | null;
  /** Wilson 95% lower bound of the agreement. */
  wilsonLower: number | null;
  /** Cohen's κ between the gate and the human. */
  kappa: number | null;
  /** Approve rate among passes. */
  passPrecision: number | null;
  rejectedPasses: number;
  /** Pass rate of the gate's own golden suite, when the issuer knows it. */
  goldenPassRate: number | null;
  /** First and last decision time of the evidence; null when nothing is decided yet. */
  period: { from: string; to: string } | null;
  /** The evidence epoch (a breaker trip starts a new one). */
  epoch: number;
  /** Whether the flip criterion held when the certificate was issued. */
  eligible: boolean;
}

/**
 * An autonomy certificate (seed 001, DESIGN §6): the level a scope operates at and the evidence
 * behind it, bound to the specification it was earned under. It is valid only while the live
 * provenance key and policy version match, and `contentHash` covers everything else.
 */
export interface AutonomyCertificate {
  kind: typeof CERTIFICATE_KIND;
  scope: string;
  level: AutonomyLevel;
  /** The user's role at that level (operator, collaborator, consultant, approver, observer). */
  role: string;
  /**
   * The highest level the evidence has earned for this agent specification and provenance: L4
   * (approver) when the flip criterion holds on it, else the level the ledger supports in shadow
   * (L2 or L3) — never above the ceiling.
   */
  maxLevel: AutonomyLevel;
  /** The composer's declared specification the evidence was earned with; null when none was declared. */
  agent: AgentSpec | null;
  /** The scope's cap; null when uncapped. */
  ceiling: AutonomyLevel | null;
  mode: Mode;
  evidence: CertificateEvidence;
  competence: { strength: number; band: CompetenceBand };
  /** The provenance key and the versions behind it (judge prompts, guardrail set, models, package). */
  provenance: Provenance;
  /** The scope's policy version and the rule it stands for. */
  policy: { version: number; rule: FlipPolicy };
  issuedAt: string;
  /** sha256 over the canonical JSON of every other field but `signature`. */
  contentHash: string;
  /** Ed25519 signature over the canonical JSON of every other field (`certify --key`). */
  signature?: CertificateSignature;
}

/** An Ed25519 signature and the public key (SPKI PEM) the issuer claims; verify against a trusted key. */
export interface CertificateSignature {
  alg: "Ed25519";
  publicKey: string;
  /** Base64 signature. */
  value: string;
}

/** The outcome of checking a certificate against the live database. */
export interface CertificateCheck {
  valid: boolean;
  /** What no longer matches, e.g. `judge prompt outcome-compliance@1 → outcome-compliance@2`. */
  problems: string[];
}
