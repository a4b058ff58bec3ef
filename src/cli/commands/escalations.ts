import { parseArgs } from "node:util";
import { resolveEscalation } from "../../escalation/resolution.js";
import { ESCALATION_OUTCOMES, type EscalationOutcome, type EscalationRecord } from "../../escalation/types.js";
import { table } from "../format.js";
import { CliUsageError, type CliCommand, type CliIo } from "../io.js";
import { withStore } from "../open-store.js";

const USAGE = [
  "autonomy-gate escalations list [--open] [--scope S] [--limit N] [--json] [--db URL]",
  "autonomy-gate escalations resolve <id> --resolution resolved_by_human|returned_to_agent --appropriate yes|no --sufficient yes|no [--note TEXT] [--by WHO] [--db URL]",
].join("\n       ");

export const escalationsCommand: CliCommand = {
  name: "escalations",
  summary: "List escalations (--open for the unresolved) or backfill an owner's resolution by id",
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === "list") return list(rest, io);
    if (sub === "resolve") return resolve(rest, io);
    throw new CliUsageError(`Expected "list" or "resolve", got: ${sub ?? "nothing"}`);
  },
};

async function list(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string" },
      scope: { type: "string" },
      open: { type: "boolean", default: false },
      limit: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new CliUsageError(`--limit must be an integer ≥ 1, got ${values.limit}`);
  }
  const records = await withStore(values.db, io, (store) =>
    store.listEscalations({
      ...(values.scope ? { scope: values.scope } : {}),
      ...(values.open ? { open: true } : {}),
      ...(limit ? { limit } : {}),
    }),
  );
  if (values.json) {
    io.stdout(`${JSON.stringify(records, null, 2)}\n`);
    return 0;
  }
  io.stdout(renderEscalations(records, values.open));
  return 0;
}

/** The escalation list an operator reads (the package itself is in `--json`). */
export function renderEscalations(records: EscalationRecord[], openOnly: boolean): string {
  if (records.length === 0) return openOnly ? "No open escalations.\n" : "No escalations yet.\n";
  const rows = records.map((r) => [
    r.id,
    r.scope,
    r.queue,
    r.priority,
    r.status,
    r.codes.join(",") || "-",
    r.resolution ? `${yesNo(r.resolution.appropriate)}/${yesNo(r.resolution.sufficient)}` : "-",
    r.createdAt,
  ]);
  return table(["id", "scope", "queue", "priority", "status", "triggers", "approp/suff", "created"], rows);
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

async function resolve(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      db: { type: "string" },
      resolution: { type: "string" },
      appropriate: { type: "string" },
      sufficient: { type: "string" },
      note: { type: "string" },
      by: { type: "string", default: "cli" },
    },
    allowPositionals: true,
    strict: true,
  });
  const [id] = positionals;
  if (!id || positionals.length !== 1) throw new CliUsageError(`Expected one escalation id, got: ${positionals.join(" ") || "nothing"}`);
  if (!values.resolution || !(ESCALATION_OUTCOMES as readonly string[]).includes(values.resolution)) {
    throw new CliUsageError(`--resolution must be one of ${ESCALATION_OUTCOMES.join(", ")}, got: ${values.resolution ?? "nothing"}`);
  }
  const record = await withStore(values.db, io, (store) =>
    resolveEscalation(store, id, {
      resolution: values.resolution as EscalationOutcome,
      appropriate: flag("appropriate", values.appropriate),
      sufficient: flag("sufficient", values.sufficient),
      by: values.by,
      ...(values.note ? { note: values.note } : {}),
    }),
  );
  io.stdout(`Resolved escalation ${record.id} (scope ${record.scope}, queue ${record.queue}) as ${record.status}.\n`);
  return 0;
}

function flag(name: string, value: string | undefined): boolean {
  const v = value?.toLowerCase();
  if (v === "yes" || v === "true") return true;
  if (v === "no" || v === "false") return false;
  throw new CliUsageError(`--${name} must be yes or no, got: ${value ?? "nothing"}`);
}
