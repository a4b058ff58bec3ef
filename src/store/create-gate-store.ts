/**
 * `createGateStore`: the persistence layer over drizzle-orm (DESIGN §8), on libSQL (a local file,
 * `:memory:`, a libSQL server: ./sqlite/) or PostgreSQL (./pg/). The factory is synchronous and
 * touches nothing; the first call connects and (by default) migrates, once.
 */
import { z } from "zod";
import { GateConfigError } from "../errors.js";
import { appendAudit, listAudit } from "./audit.js";
import { verifyAudit } from "./audit-verify.js";
import type { Connection } from "./context.js";
import { createPgConnection } from "./pg/connection.js";
import { isPostgresUrl, redactUrl, SCHEMA_NAME } from "./pg/pool.js";
import { createSqliteConnection } from "./sqlite/connection.js";
import { getCounts, recountCounts } from "./counters.js";
import { escalationMethods } from "./escalations.js";
import { ledgerMethods } from "./ledger-methods.js";
import { outboxPathFor, withOutbox } from "./outbox.js";
import { postHocMethods } from "./post-hoc.js";
import { recentAutoDecisions, recordDecision } from "./decisions.js";
import { getScopeState, listScopes, setMode, setPolicy, setProvenanceKey, tripBreaker } from "./scopes.js";
import { getKillSwitch, setKillSwitch } from "./settings.js";
import type { GateStore, GateStoreOptions } from "./types.js";
import { getVerdict, listVerdicts, routeCounts, saveVerdict, threadHistory } from "./verdicts.js";

/** The database used when no `url` is given: a file in the working directory. */
export const DEFAULT_STORE_URL = "file:autonomy-gate.db";

const URL_SCHEMES = ["file:", "libsql:", "http:", "https:", "ws:", "wss:", "postgres:", "postgresql:"];
const URL_EXPECTED = '":memory:", a "file:" URL, a libSQL server URL (libsql:, http(s):, ws(s):) or a PostgreSQL URL (postgres://, postgresql://)';

const isPool = (value: unknown) =>
  typeof value === "object" && value !== null && ["connect", "query", "end"].every((name) => typeof (value as Record<string, unknown>)[name] === "function");

const optionsSchema = z.object({
  url: z
    .string()
    .refine((url) => url === ":memory:" || URL_SCHEMES.some((scheme) => url.startsWith(scheme)))
    .optional(),
  authToken: z.string().optional(),
  autoMigrate: z.boolean().optional(),
  now: z.custom<() => Date>((value) => typeof value === "function").optional(),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  outboxPath: z.string().min(1).optional(),
  auditKey: z.string().min(16).optional(),
  pool: z.custom<object>(isPool).optional(),
  schema: z.string().regex(SCHEMA_NAME).optional(),
});

const EXPECTED: Record<string, string> = {
  url: URL_EXPECTED,
  authToken: "a string",
  autoMigrate: "a boolean",
  now: "a function returning a Date",
  timeoutMs: "a whole number of milliseconds in [1, 600000]",
  outboxPath: "a file path",
  auditKey: "a secret of at least 16 characters",
  pool: "a pg.Pool (an object with connect, query and end)",
  schema: "a PostgreSQL schema name (lower-case letters, digits and _, not starting with a digit)",
};

/** The default deadline of one store call: well under the judges' default 30 s timeout. */
export const DEFAULT_STORE_TIMEOUT_MS = 5_000;

/** Creates the store. Invalid options throw a GateConfigError naming the option. */
export function createGateStore(options: GateStoreOptions = {}): GateStore {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const option = String(parsed.error.issues[0]?.path[0] ?? "options");
    const received = option === "auditKey" ? "(hidden)" : ((options as Record<string, unknown>)[option] ?? options);
    throw new GateConfigError(option, received, EXPECTED[option] ?? "valid store options");
  }
  const postgres = options.pool !== undefined || (options.url !== undefined && isPostgresUrl(options.url));
  if (options.schema !== undefined && !postgres) throw new GateConfigError("schema", options.schema, "a PostgreSQL store (the schema option is PostgreSQL's)");
  if (options.pool !== undefined && options.url !== undefined) throw new GateConfigError("pool", "(a pool)", "either a pool or a url, not both");
  const auditKey = auditKeyFrom(options);
  const settings = {
    autoMigrate: options.autoMigrate ?? true,
    now: options.now ?? (() => new Date()),
    timeoutMs: options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS,
    auditKey,
  };
  let url: string;
  let ctx: Connection;
  if (postgres) {
    url = options.url === undefined ? "postgres (the host's pool)" : redactUrl(options.url);
    ctx = createPgConnection({
      ...settings,
      url,
      ...(options.url === undefined ? {} : { connectionString: options.url }),
      ...(options.pool === undefined ? {} : { pool: options.pool }),
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    });
  } else {
    url = options.url ?? DEFAULT_STORE_URL;
    ctx = createSqliteConnection({ ...settings, url, ...(options.authToken === undefined ? {} : { authToken: options.authToken }) });
  }

  const now = options.now ?? (() => new Date());
  const store: Omit<GateStore, "outboxStatus" | "drainOutbox"> = {
    url,
    migrate: () => ctx.migrate(),
    close: () => ctx.close(),
    saveVerdict: (verdict) => saveVerdict(ctx, verdict),
    getVerdict: (id) => getVerdict(ctx, id),
    listVerdicts: (filter) => listVerdicts(ctx, filter),
    threadHistory: (scope, threadId, limit) => threadHistory(ctx, scope, threadId, limit),
    recordDecision: (verdictId, decision, effects) => recordDecision(ctx, verdictId, decision, effects),
    getScopeState: (scope) => getScopeState(ctx, scope),
    listScopes: () => listScopes(ctx),
    setMode: (scope, mode, meta) => setMode(ctx, scope, mode, meta),
    tripBreaker: (scope, reason) => tripBreaker(ctx, scope, reason),
    setPolicy: (scope, policy, actor) => setPolicy(ctx, scope, policy, actor),
    setProvenanceKey: (scope, provenanceKey) => setProvenanceKey(ctx, scope, provenanceKey),
    routeCounts: (scope, limit) => routeCounts(ctx, scope, limit),
    getCounts: (scope, provenanceKey, epoch) => getCounts(ctx, { scope, provenanceKey, epoch }),
    recountCounts: (scope, provenanceKey, epoch) => recountCounts(ctx, { scope, provenanceKey, epoch }),
    recentAutoDecisions: (scope, epoch, limit) => recentAutoDecisions(ctx, scope, epoch, limit),
    getKillSwitch: () => getKillSwitch(ctx),
    setKillSwitch: (on, actor) => setKillSwitch(ctx, on, actor),
    appendAudit: (entry) => appendAudit(ctx, entry),
    listAudit: (filter) => listAudit(ctx, filter),
    verifyAudit: () => verifyAudit(ctx, auditKey),
    ...ledgerMethods(ctx),
    ...escalationMethods(ctx),
    ...postHocMethods(ctx),
  };
  return withOutbox(store, outboxPathFor(url, options.outboxPath), now);
}

/** The audit key: the option, else `AUTONOMY_GATE_AUDIT_KEY`; a key from the environment is held to the option's rule. */
function auditKeyFrom(options: GateStoreOptions): string | null {
  const key = options.auditKey ?? process.env.AUTONOMY_GATE_AUDIT_KEY;
  if (key === undefined || key === "") return null;
  if (key.length < 16) throw new GateConfigError("AUTONOMY_GATE_AUDIT_KEY", "(hidden)", EXPECTED.auditKey ?? "a secret");
  return key;
}
