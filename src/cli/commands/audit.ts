import { parseArgs } from "node:util";
import { CliUsageError, type CliCommand } from "../io.js";
import { withStore } from "../open-store.js";
import { runAuditQueue, runAuditReview } from "./post-hoc.js";

export const auditCommand: CliCommand = {
  name: "audit",
  summary: "Verify the audit log's hash chain; list and review the post-hoc audit queue of executed auto-approvals",
  usage: "autonomy-gate audit verify [--db URL] | audit queue [--scope S] [--limit N] [--json] | audit review <verdictId> ok|wrong [--note TEXT] [--by WHO]",
  async run(argv, io) {
    if (argv[0] === "queue") return runAuditQueue(argv.slice(1), io);
    if (argv[0] === "review") return runAuditReview(argv.slice(1), io);
    const { values, positionals } = parseArgs({
      args: argv,
      options: { db: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals[0] !== "verify" || positionals.length !== 1) {
      throw new CliUsageError(`Expected "verify", got: ${positionals.join(" ") || "nothing"}`);
    }
    const result = await withStore(values.db, io, (store) => store.verifyAudit());
    if (result.ok) {
      const signed = result.headSigned ? "; head signed with the audit key" : "";
      const older = result.unattested === undefined ? "" : `; ${result.unattested} verdict rows from before row hashes were audited not checked`;
      io.stdout(`Audit log intact: ${result.checked} rows verified${signed}${older}.\n`);
      return 0;
    }
    if (result.firstBad !== undefined) {
      io.stderr(`Audit log tampered: row ${result.firstBad.seq}: ${result.firstBad.problem} (${result.checked} rows checked).\n`);
    }
    if (result.head !== undefined) io.stderr(`Audit log tampered: ${result.head}.\n`);
    for (const m of result.rowMismatches ?? []) {
      const entry = m.seq === undefined ? "" : ` (audit entry ${m.seq})`;
      io.stderr(`Verdict row tampered: ${m.verdictId} ${m.problem}${entry}.\n`);
    }
    for (const m of result.counterMismatches ?? []) {
      io.stderr(`Counters tampered: scope ${m.scope}, provenance key ${m.provenanceKey}, epoch ${m.epoch}: ${m.differences.join("; ")}.\n`);
    }
    return 1;
  },
};
