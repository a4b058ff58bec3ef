import { parseArgs } from "node:util";
import { computeStatus, type ScopeStatus } from "../../decisions/status.js";
import { ratio, table } from "../format.js";
import type { CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

export const statusCommand: CliCommand = {
  name: "status",
  summary: "Per-scope mode, agreement with its uncertainty, eligibility, breaker, autonomy rate",
  usage: "autonomy-gate status [--scope S] [--json] [--db URL]",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: "string" }, scope: { type: "string" }, json: { type: "boolean", default: false } },
      strict: true,
    });
    const statuses = await withStore(values.db, io, async (store) => {
      const killSwitch = await store.getKillSwitch();
      const scopes = await computeStatus(store, values.scope ? { scope: values.scope } : {});
      return { killSwitch, scopes };
    });
    if (values.json) {
      io.stdout(`${JSON.stringify(statuses, null, 2)}\n`);
      return 0;
    }
    io.stdout(renderStatus(statuses.scopes, statuses.killSwitch));
    return 0;
  },
};

/**
 * The status an operator reads: the flip evidence per scope, then where each scope stands
 * (level, competence, autonomy rate, escalation KPIs), then why a scope is not eligible.
 */
export function renderStatus(scopes: ScopeStatus[], killSwitch: boolean): string {
  const header = `kill switch: ${killSwitch ? "ON (no LLM calls, nothing auto-approves)" : "off"}\n`;
  if (scopes.length === 0) return `${header}No scopes yet: nothing has been gated.\n`;
  const flip = table(
    ["scope", "mode", "n", "agree", "wilson", "kappa", "pass-prec", "rej-pass", "eligible", "breaker", "provenance"],
    scopes.map((s) => [
      s.scope,
      s.mode,
      String(s.n),
      ratio(s.agreement),
      ratio(s.wilsonLower),
      ratio(s.kappa),
      ratio(s.passPrecision),
      String(s.rejectedPasses),
      s.eligible ? "yes" : "no",
      s.breaker,
      (s.provenanceKey ?? "-").slice(0, 12),
    ]),
  );
  const standing = table(
    ["scope", "level", "competence", "autonomy", "escalate", "esc-approp", "missed-esc", "handoff"],
    scopes.map((s) => [
      s.scope,
      `${s.level} ${s.role}${s.ceiling ? ` (ceiling ${s.ceiling})` : ""}`,
      `${ratio(s.competence)} ${s.competenceBand}`,
      ratio(s.autonomyRate),
      ratio(s.escalationRate),
      ratio(s.escalationAppropriateness),
      ratio(s.missedEscalationRate),
      ratio(s.handoffSufficiency),
    ]),
  );
  const reasons = scopes
    .map((s) => {
      const notes = s.eligible ? [] : [`not eligible: ${s.reasons.join("; ")}`];
      if (s.breaker === "open" && s.breakerReason) notes.push(`breaker tripped: ${s.breakerReason}`);
      if (s.guarantee) notes.push(`${s.policy.preset} rule: ${s.guarantee}`);
      if (s.reviews.blindN > 0) {
        notes.push(`blind reviews agree ${ratio(s.reviews.blindAgreement)} (n ${s.reviews.blindN}), seen ${ratio(s.reviews.seenAgreement)} (n ${s.reviews.seenN})`);
      }
      for (const r of s.reviewers.filter((x) => x.rubberStamp)) {
        notes.push(
          `reviewer ${r.reviewer} may be rubber-stamping: seen agreement ${ratio(r.seenAgreement)} vs blind ${ratio(r.blindAgreement)}, ` +
            `approve rate ${ratio(r.approveRate)}, median decision ${r.medianDecisionMs === null ? "-" : `${Math.round(r.medianDecisionMs / 1000)} s`}`,
        );
      }
      return notes.length ? `  ${s.scope}: ${notes.join(" | ")}` : "";
    })
    .filter(Boolean);
  return `${header}${flip}\n${standing}${reasons.length ? `\n${reasons.join("\n")}\n` : ""}`;
}
