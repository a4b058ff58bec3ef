import { canonicalJson } from "../hash.js";
import type { Provenance } from "../types.js";

/** Splits `id@version`; an id without a version compares as version "". */
function promptVersions(prompts: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const prompt of prompts) {
    const at = prompt.lastIndexOf("@");
    out.set(at < 0 ? prompt : prompt.slice(0, at), at < 0 ? "" : prompt.slice(at + 1));
  }
  return out;
}

const tag = (id: string, version: string) => (version === "" ? id : `${id}@${version}`);

/**
 * What changed between the provenance a certificate was earned under and the live one, named by
 * version (`judge prompt outcome-compliance@1 → outcome-compliance@2`), guardrail set, judge model per
 * level, pass threshold and package version. The version lists are
 * compared, not only the key, so the reason is specific; a key that differs with every listed
 * version equal is still reported.
 */
export function provenanceChanges(certified: Provenance, live: Provenance): string[] {
  const changes: string[] = [];
  const before = promptVersions(certified.prompts ?? []);
  const after = promptVersions(live.prompts ?? []);
  for (const [id, version] of before) {
    const now = after.get(id);
    if (now === undefined) changes.push(`judge prompt ${tag(id, version)} removed`);
    else if (now !== version) changes.push(`judge prompt ${tag(id, version)} → ${tag(id, now)}`);
  }
  for (const [id, version] of after) {
    if (!before.has(id)) changes.push(`judge prompt ${tag(id, version)} added`);
  }
  if (certified.guardrailSetVersion !== live.guardrailSetVersion) {
    changes.push(`guardrail set ${certified.guardrailSetVersion} → ${live.guardrailSetVersion}`);
  }
  const levels = new Set([...Object.keys(certified.judgeModels ?? {}), ...Object.keys(live.judgeModels ?? {})]);
  for (const level of levels) {
    const was = (certified.judgeModels as Record<string, string | undefined>)?.[level];
    const is = (live.judgeModels as Record<string, string | undefined>)?.[level];
    if (was !== is) changes.push(`judge model (${level}) ${was ?? "none"} → ${is ?? "none"}`);
  }
  if (certified.passThreshold !== live.passThreshold) {
    changes.push(`pass threshold ${String(certified.passThreshold)} → ${String(live.passThreshold)}`);
  }
  if (certified.packageVersion !== live.packageVersion) {
    changes.push(`package version ${certified.packageVersion} → ${live.packageVersion}`);
  }
  changes.push(...agentChanges(certified, live));
  if (changes.length === 0 && certified.provenanceKey !== live.provenanceKey) {
    changes.push(`provenance key ${certified.provenanceKey} → ${live.provenanceKey}`);
  }
  return changes;
}

/** What changed in the declared agent specification, field by field (`agent model a → b`). */
function agentChanges(certified: Provenance, live: Provenance): string[] {
  const was = certified.agent;
  const is = live.agent;
  if (was === undefined && is === undefined) return [];
  if (was === undefined) return ["agent specification declared (none when certified)"];
  if (is === undefined) return ["agent specification no longer declared"];
  const show = (value: unknown) => (value === undefined ? "none" : typeof value === "string" ? value : canonicalJson(value));
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort();
  return keys.filter((key) => canonicalJson(was[key] ?? null) !== canonicalJson(is[key] ?? null)).map((key) => `agent ${key} ${show(was[key])} → ${show(is[key])}`);
}
