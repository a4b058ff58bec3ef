import { parseArgs } from "node:util";
import { age } from "../../decisions/duration.js";
import { computeStatus, type ScopeStatus } from "../../decisions/status.js";
import { triggerTrendRows } from "../../escalation/trigger-trend.js";
import { ratio, table } from "../format.js";
import type { CliCommand } from "../io.js";
import type { OutboxStatus } from "../../store/types.js";
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
      const outbox = await store.outboxStatus();
      const scopes = await computeStatus(store, values.scope ? { scope: values.scope } : {});
      return { killSwitch, outbox, scopes };
    });
    if (values.json) {
      io.stdout(`${JSON.stringify(statuses, null, 2)}\n`);
      return 0;
    }
    io.stdout(renderOutbox(statuses.outbox, new Date()) + renderStatus(statuses.scopes, statuses.killSwitch, new Date()));
    return 0;
  },
};

/** One line on the decision outbox: empty, or how many writes wait and since when. */
export function renderOutbox(outbox: OutboxStatus, now: Date): string {
  if (outbox.depth === 0) return "outbox: empty\n";
  const since = outbox.oldestAt === null ? "" : `, oldest ${Math.max(0, Math.round((now.getTime() - Date.parse(outbox.oldestAt)) / 1000))} s ago`;
  return `outbox: ${outbox.depth} write(s) the database refused, waiting to be replayed${since}${outbox.path ? ` (${outbox.path})` : ""}\n`;
}

/**
 * The status an operator reads: the flip evidence per scope, then where each scope stands
 * (level, competence, autonomy rate, escalation KPIs), then why a scope is not eligible.
 */
export function renderStatus(scopes: ScopeStatus[], killSwitch: boolean, now: Date = new Date()): string {
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
    ["scope", "level", "competence", "autonomy", "escalate", "esc-approp", "missed-esc", "handoff", "post-hoc queue"],
    scopes.map((s) => [
      s.scope,
      `${s.level} ${s.role}${s.ceiling ? ` (ceiling ${s.ceiling})` : ""}`,
      `${ratio(s.competence)} ${s.competenceBand}`,
      s.autonomyBand === null ? "-" : `${ratio(s.autonomyRate)} ${s.autonomyBand}`,
      ratio(s.escalationRate),
      ratio(s.escalationAppropriateness),
      ratio(s.missedEscalationRate),
      ratio(s.handoffSufficiency),
      postHocQueue(s, now),
    ]),
  );
  const after = table(
    ["scope", "agree cum", "agree shadow (50)", "agree auto (50)", "brier", "escalation by trigger: 7d / 30d / all"],
    scopes.map((s) => [
      s.scope,
      ratio(s.calibration.rolling.cumulative.agreement),
      ratio(s.calibration.rolling.shadow.agreement),
      ratio(s.calibration.rolling.auto.agreement),
      ratio(s.calibration.brier, 3),
      triggerTrend(s),
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
  return `${header}${flip}\n${standing}\n${after}${tokenTable(scopes)}${reasons.length ? `\n${reasons.join("\n")}\n` : ""}`;
}

/** Judge tokens per scope (only when some verdict carries token figures): per verdict and on the latest day. */
function tokenTable(scopes: ScopeStatus[]): string {
  if (!scopes.some((s) => s.tokens.measured > 0)) return "";
  const whole = (n: number) => Math.round(n).toLocaleString("en-US");
  return `\n${table(
    ["scope", "tokens measured", "in / verdict", "out / verdict", "latest day: verdicts, in, out", "days"],
    scopes.map((s) => {
      const t = s.tokens;
      const day = t.perDay.at(-1);
      return [
        s.scope,
        `${t.measured} of ${t.window}`,
        t.perVerdict ? whole(t.perVerdict.input) : "-",
        t.perVerdict ? whole(t.perVerdict.output) : "-",
        day ? `${day.day}: ${day.verdicts}, ${whole(day.input)}, ${whole(day.output)}` : "-",
        String(t.perDay.length),
      ];
    }),
  )}`;
}

/** The post-hoc audit queue of a scope: its size and the age of its oldest entry. */
function postHocQueue(s: ScopeStatus, now: Date): string {
  const { queued, oldestQueuedAt } = s.postHoc;
  if (queued === 0 || oldestQueuedAt === null) return "0";
  return `${queued} (oldest ${age(now.getTime() - Date.parse(oldestQueuedAt))})`;
}

/** Each trigger's escalation rate over the last 7 and 30 days and all time: `loop 0.10/0.05/0.02`. */
function triggerTrend(s: ScopeStatus): string {
  const rows = triggerTrendRows(s.escalationTrend);
  if (rows.length === 0) return "-";
  return rows.map((r) => `${r.trigger} ${ratio(r.last7d)}/${ratio(r.last30d)}/${ratio(r.all)}`).join(", ");
}
