import { parseArgs } from "node:util";
import { reviewPostHoc } from "../../decisions/post-hoc-review.js";
import { POST_HOC_FINDINGS, type PostHocFinding } from "../../store/post-hoc-types.js";
import { ROUTES, type Route, type Verdict } from "../../types.js";
import { ratio, table } from "../format.js";
import { CliUsageError, type CliCommand, type CliIo } from "../io.js";
import { withStore } from "../open-store.js";

/** Verdicts as the operator scans them: id, scope, route, gate result, decision, when. */
function verdictTable(verdicts: Verdict[]): string {
  return table(
    ["id", "scope", "route", "passed", "composite", "decision", "post-hoc", "created"],
    verdicts.map((v) => [
      v.id,
      v.scope,
      v.route,
      v.passed ? "yes" : "no",
      ratio(v.composite),
      v.decision?.type ?? "-",
      v.postHocSampled ? "sampled" : "-",
      v.createdAt,
    ]),
  );
}

/** `audit queue [--scope S]`: the sampled, executed auto-approvals that wait for a review. */
export async function runAuditQueue(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: "string" }, scope: { type: "string" }, limit: { type: "string" }, json: { type: "boolean", default: false } },
    strict: true,
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new CliUsageError(`--limit must be a positive whole number, got ${values.limit}`);
  const queue = await withStore(values.db, io, (store) =>
    store.postHocQueue({ ...(values.scope ? { scope: values.scope } : {}), ...(limit ? { limit } : {}) }),
  );
  if (values.json) io.stdout(`${JSON.stringify(queue, null, 2)}\n`);
  else if (queue.length === 0) io.stdout("Post-hoc audit queue is empty.\n");
  else io.stdout(`${queue.length} executed auto-approval${queue.length === 1 ? "" : "s"} awaiting review (oldest first):\n${verdictTable(queue)}`);
  return 0;
}

/** `audit review <id> ok|wrong [--note TEXT] [--by WHO]`. */
export async function runAuditReview(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: "string" }, note: { type: "string" }, by: { type: "string", default: "cli" } },
    allowPositionals: true,
    strict: true,
  });
  const [verdictId, finding] = positionals;
  if (!verdictId || !finding || positionals.length !== 2 || !(POST_HOC_FINDINGS as readonly string[]).includes(finding)) {
    throw new CliUsageError(`Expected a verdict id and ok or wrong, got: ${positionals.join(" ") || "nothing"}`);
  }
  const result = await withStore(values.db, io, (store) =>
    reviewPostHoc(store, verdictId, { finding: finding as PostHocFinding, by: values.by, ...(values.note ? { note: values.note } : {}) }),
  );
  io.stdout(`Recorded post-hoc review "${finding}" on auto verdict ${verdictId} (scope ${result.verdict.scope}).\n`);
  if (result.tripped) io.stdout(`Breaker tripped: scope ${result.verdict.scope} is back in shadow and must re-earn (${result.state.breakerReason}).\n`);
  return 0;
}

export const verdictsCommand: CliCommand = {
  name: "verdicts",
  summary: "List verdicts by scope and route (auto, human, escalate), optionally only undecided ones",
  usage: "autonomy-gate verdicts list [--scope S] [--route auto|human|escalate] [--undecided] [--limit N] [--json] [--db URL]",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        scope: { type: "string" },
        route: { type: "string" },
        undecided: { type: "boolean", default: false },
        limit: { type: "string" },
        json: { type: "boolean", default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals[0] !== "list" || positionals.length !== 1) throw new CliUsageError(`Expected "list", got: ${positionals.join(" ") || "nothing"}`);
    if (values.route !== undefined && !(ROUTES as readonly string[]).includes(values.route)) {
      throw new CliUsageError(`--route must be one of ${ROUTES.join(", ")}, got ${values.route}`);
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new CliUsageError(`--limit must be a positive whole number, got ${values.limit}`);
    const list = await withStore(values.db, io, (store) =>
      store.listVerdictsBy({
        ...(values.scope ? { scope: values.scope } : {}),
        ...(values.route ? { route: values.route as Route } : {}),
        ...(values.undecided ? { undecided: true } : {}),
        ...(limit ? { limit } : {}),
      }),
    );
    if (values.json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    else io.stdout(list.length === 0 ? "No verdicts match.\n" : verdictTable(list));
    return 0;
  },
};
