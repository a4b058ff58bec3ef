/**
 * Policy versions (DESIGN §5): `setPolicy` bumps a scope's version and audits `policy_change`;
 * verdicts are stamped with the version they were judged under and decisions with the version in
 * force when recorded. History is read, never recomputed under a newer policy.
 */
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DecisionType } from "../types.js";
import type { StoreContext } from "./context.js";
import { counterCell, zeroCounts } from "./counters.js";
import type { PolicyVersion } from "./ledger-types.js";
import { tablesOf } from "./tables.js";
import type { AgreementCounts, FlipPolicy } from "./types.js";

const DECIDED: DecisionType[] = ["approve", "edit", "reject"];

export function getPolicyVersion(ctx: StoreContext, scope: string): Promise<number> {
  return ctx.read(async (db) => {
    const { scopes } = tablesOf(db);
    const [row] = await db.select({ version: scopes.policyVersion }).from(scopes).where(eq(scopes.scope, scope));
    return row?.version ?? 0;
  });
}

/** Version 0 (the gate's default) followed by every audited `policy_change` of the scope. */
export function listPolicyVersions(ctx: StoreContext, scope: string): Promise<PolicyVersion[]> {
  return ctx.read(async (db) => {
    const { auditLog } = tablesOf(db);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.scope, scope), eq(auditLog.kind, "policy_change")))
      .orderBy(asc(auditLog.seq));
    const versions: PolicyVersion[] = [{ version: 0, policy: null, at: null, actor: null }];
    for (const row of rows) {
      const payload = row.payload as { policy?: FlipPolicy | null; policyVersion?: number };
      versions.push({ version: payload.policyVersion ?? versions.length, policy: payload.policy ?? null, at: row.at, actor: row.actor });
    }
    return versions;
  });
}

export function agreementByPolicyVersion(
  ctx: StoreContext,
  scope: string,
): Promise<Array<{ policyVersion: number | null; counts: AgreementCounts }>> {
  return ctx.read(async (db) => {
    const { verdicts } = tablesOf(db);
    const rows = await db
      .select({ version: verdicts.policyVersion, passed: verdicts.passed, decision: verdicts.decisionType, n: sql<number>`count(*)` })
      .from(verdicts)
      .where(and(eq(verdicts.scope, scope), isNotNull(verdicts.decisionType), inArray(verdicts.decisionType, DECIDED)))
      .groupBy(verdicts.policyVersion, verdicts.passed, verdicts.decisionType);
    const byVersion = new Map<number | null, AgreementCounts>();
    for (const row of rows) {
      const cell = row.decision === null ? null : counterCell(row.passed, row.decision);
      if (cell === null) continue;
      const counts = byVersion.get(row.version) ?? zeroCounts();
      counts[cell] += Number(row.n);
      byVersion.set(row.version, counts);
    }
    return [...byVersion.entries()]
      .sort(([a], [b]) => (a ?? -1) - (b ?? -1))
      .map(([policyVersion, counts]) => ({ policyVersion, counts }));
  });
}
