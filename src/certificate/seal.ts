import { canonicalJson, sha256 } from "../hash.js";
import type { AutonomyCertificate } from "./types.js";

/** The hash a certificate's content must carry: sha256 over canonical JSON without `contentHash`. */
export function certificateHash(certificate: Omit<AutonomyCertificate, "contentHash"> | AutonomyCertificate): string {
  const { contentHash: _omitted, signature: _signature, ...content } = certificate as AutonomyCertificate;
  return sha256(canonicalJson(content));
}

/** Adds the content hash. */
export function sealCertificate(content: Omit<AutonomyCertificate, "contentHash">): AutonomyCertificate {
  return { ...content, contentHash: certificateHash(content) };
}

/** True when the certificate's content still hashes to its `contentHash`. */
export function hashMatches(certificate: unknown): boolean {
  if (certificate === null || typeof certificate !== "object") return false;
  const claimed = (certificate as { contentHash?: unknown }).contentHash;
  return typeof claimed === "string" && claimed === certificateHash(certificate as AutonomyCertificate);
}
