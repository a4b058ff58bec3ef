/**
 * The audit log's hash chain rule (DESIGN §8), apart from the queries so that the public API can
 * export it without the database types.
 */
import { canonicalJson, sha256 } from "../hash.js";
import type { AuditEntry } from "./types.js";

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = Pick<AuditEntry, "seq" | "at" | "kind" | "scope" | "actor" | "payload">;

/** `sha256(prevHash + canonicalJson({ seq, at, kind, scope, actor, payload }))`. */
export function auditHash(prevHash: string, content: AuditContent): string {
  const { seq, at, kind, scope, actor, payload } = content;
  return sha256(prevHash + canonicalJson({ seq, at, kind, scope, actor, payload }));
}
