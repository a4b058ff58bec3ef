/**
 * A libSQL client for a local database file on one native connection (the `libsql` package that
 * @libsql/client itself drives), which keeps its prepared statements.
 *
 * @libsql/client prepares every statement afresh and asks it for its columns twice per call; the
 * store runs the same dozen statements on every verdict and decision, so here each is prepared
 * once and reused with its column names. Statements, values and errors behave as in @libsql/client
 * (`intMode: "number"`, LibsqlError codes), so drizzle's libSQL driver runs on it unchanged.
 *
 * One connection, used by one caller at a time: the store's write queue (./connection.ts). Like
 * @libsql/client it waits inside SQLite no longer than `timeout` ms on a lock (the store passes 0).
 * Meant for a file in WAL mode, as the store keeps it: a connection dropped after a failure (see
 * #failed) may hold a read snapshot until its statements are garbage-collected, which in WAL mode
 * holds back only a checkpoint, never another writer.
 */
import Database from "libsql";
import {
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
  type Value,
} from "@libsql/client";

/** Prepared statements kept per connection; the store uses a few dozen distinct ones. */
const STATEMENT_CACHE_SIZE = 256;

interface Prepared {
  statement: Database.Statement;
  /** Null for a statement that returns no rows. */
  columns: string[] | null;
  columnTypes: string[];
}

const MIN_INTEGER = -9223372036854775808n;
const MAX_INTEGER = 9223372036854775807n;

class LocalResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}

  toJSON(): unknown {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.map.call(row, (value: Value) => (typeof value === "bigint" ? `${value}` : value))),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid === undefined ? null : `${this.lastInsertRowid}`,
    };
  }
}

export class LocalClient implements Client {
  readonly protocol = "file";
  /** The native connection; null once dropped after a failure (reopened on next use) or closed. */
  #db: Database.Database | null;
  #closed = false;
  readonly #path: string;
  readonly #timeout: number;
  readonly #statements = new Map<string, Prepared>();
  #dropAfterTransaction = false;

  /** `path`: a database file (./client.ts localFilePath), never `:memory:`, which a dropped connection would lose. */
  constructor(path: string, options: { timeout: number }) {
    this.#path = path;
    this.#timeout = options.timeout;
    this.#db = openDatabase(path, options.timeout);
  }

  get closed(): boolean {
    return this.#closed;
  }

  execute(stmt: InStatement | string, args?: InArgs): Promise<ResultSet> {
    try {
      return Promise.resolve(this.#run(typeof stmt === "string" ? { sql: stmt, ...(args === undefined ? {} : { args }) } : stmt));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = "deferred"): Promise<ResultSet[]> {
    return this.#withinTransaction(mode, () => stmts.map((stmt) => this.#run(Array.isArray(stmt) ? { sql: stmt[0], ...(stmt[1] === undefined ? {} : { args: stmt[1] }) } : stmt)));
  }

  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#run("PRAGMA foreign_keys=OFF");
    try {
      return await this.batch(stmts, "deferred");
    } finally {
      this.#run("PRAGMA foreign_keys=ON");
    }
  }

  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    this.#run(beginStatement(mode));
    return new LocalTransaction(
      this,
      (stmt) => this.#run(stmt),
      (sql) => this.#exec(sql),
    );
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#exec(sql);
  }

  sync(): Promise<never> {
    return Promise.reject(new LibsqlError("sync is not supported for a local file", "SYNC_NOT_SUPPORTED"));
  }

  reconnect(): void {
    this.#drop();
    this.#closed = false;
    this.#db = openDatabase(this.#path, this.#timeout);
  }

  close(): void {
    this.#closed = true;
    this.#drop();
  }

  /** True while a transaction this client began is open. */
  get inTransaction(): boolean {
    return this.#db !== null && this.#db.open && this.#db.inTransaction;
  }

  #open(): Database.Database {
    if (this.#closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
    this.#db ??= openDatabase(this.#path, this.#timeout);
    return this.#db;
  }

  /** Closes the native connection (rolling back whatever it had open) and forgets its statements. */
  #drop(): void {
    const db = this.#db;
    this.#db = null;
    this.#dropAfterTransaction = false;
    this.#statements.clear();
    if (db === null) return;
    try {
      db.close();
    } catch {
      // already unusable: nothing left to release
    }
  }

  #exec(sql: string): void {
    try {
      this.#open().exec(sql);
    } catch (error) {
      this.#failed();
      throw toLibsqlError(error);
    } finally {
      // A schema change may have changed what a kept statement returns.
      this.#statements.clear();
      this.#dropIfDue();
    }
  }

  #withinTransaction<T>(mode: TransactionMode, work: () => T): T {
    this.#run(beginStatement(mode));
    try {
      const result = work();
      this.#run("COMMIT");
      return result;
    } catch (error) {
      if (this.inTransaction) this.#run("ROLLBACK");
      throw error;
    }
  }

  #prepare(sql: string): Prepared {
    const kept = this.#statements.get(sql);
    if (kept !== undefined) return kept;
    const statement = this.#open().prepare(sql);
    statement.safeIntegers(true);
    let prepared: Prepared;
    if (statement.reader) {
      statement.raw(true);
      const definitions = statement.columns();
      prepared = { statement, columns: definitions.map((column) => column.name), columnTypes: definitions.map((column) => column.type ?? "") };
    } else {
      prepared = { statement, columns: null, columnTypes: [] };
    }
    if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    this.#statements.set(sql, prepared);
    return prepared;
  }

  #run(stmt: InStatement): ResultSet {
    const { sql, args } = typeof stmt === "string" ? { sql: stmt, args: undefined } : stmt;
    const bound = toSqlArgs(args);
    try {
      const prepared = this.#prepare(sql);
      if (prepared.columns === null) {
        const info = prepared.statement.run(bound);
        return new LocalResultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
      }
      const { columns } = prepared;
      const rows = (prepared.statement.all(bound) as unknown[][]).map((values) => toRow(values, columns));
      return new LocalResultSet(columns, prepared.columnTypes, rows, 0, undefined);
    } catch (error) {
      this.#failed();
      throw toLibsqlError(error);
    } finally {
      this.#dropIfDue();
    }
  }

  /**
   * libSQL does not reset a statement that failed: it stays in progress, so a COMMIT on its
   * connection is refused and, outside a write, it pins the connection to its read snapshot. A
   * failure therefore costs the connection: dropped at once, or once the open transaction (which
   * can still roll back) has ended, and opened afresh on next use. Dropping never throws, so a
   * COMMIT that succeeded is never reported as failed.
   */
  #failed(): void {
    if (this.#db === null) return;
    if (this.inTransaction) this.#dropAfterTransaction = true;
    else this.#drop();
  }

  #dropIfDue(): void {
    if (this.#dropAfterTransaction && !this.inTransaction) this.#drop();
  }
}

class LocalTransaction implements Transaction {
  #closed = false;

  constructor(
    private readonly client: LocalClient,
    private readonly run: (stmt: InStatement) => ResultSet,
    private readonly exec: (sql: string) => void,
  ) {}

  get closed(): boolean {
    return this.#closed || !this.client.inTransaction;
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    try {
      this.#check();
      return Promise.resolve(this.run(stmt));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#check();
    return stmts.map((stmt) => this.run(stmt));
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#check();
    this.exec(sql);
  }

  /** A COMMIT that fails leaves the transaction open, for the caller's rollback. */
  async commit(): Promise<void> {
    this.#check();
    this.run("COMMIT");
    this.#closed = true;
  }

  async rollback(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.client.inTransaction) this.run("ROLLBACK");
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.client.inTransaction) this.run("ROLLBACK");
  }

  #check(): void {
    if (this.closed) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
  }
}

function openDatabase(path: string, timeout: number): Database.Database {
  try {
    return new Database(path, { timeout });
  } catch (error) {
    throw toLibsqlError(error);
  }
}

function beginStatement(mode: TransactionMode): string {
  if (mode === "write") return "BEGIN IMMEDIATE";
  if (mode === "read") return "BEGIN TRANSACTION READONLY";
  return "BEGIN DEFERRED";
}

/** A row as @libsql/client returns it: values by index (not enumerable) and by column name. */
function toRow(values: unknown[], columns: string[]): Row {
  const row: Record<string | number, Value> = {};
  Object.defineProperty(row, "length", { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = fromSql(values[i]);
    Object.defineProperty(row, i, { value });
    const column = columns[i] as string;
    if (!Object.hasOwn(row, column)) row[column] = value;
  }
  return row as unknown as Row;
}

function fromSql(value: unknown): Value {
  if (typeof value === "bigint") {
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError("Received integer which cannot be safely represented as a JavaScript number");
    }
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
  return value as Value;
}

function toSqlArgs(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    named[name[0] === "@" || name[0] === "$" || name[0] === ":" ? name.slice(1) : name] = toSql(value);
  }
  return named;
}

function toSql(value: InValue): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
    return value;
  }
  if (typeof value === "bigint") {
    if (value < MIN_INTEGER || value > MAX_INTEGER) throw new RangeError("bigint is too large to be represented as a 64-bit integer and passed as argument");
    return value;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value;
}

/** Native errors as @libsql/client reports them: base code, extended code, raw code. */
function toLibsqlError(error: unknown): unknown {
  if (error instanceof Database.SqliteError) {
    const { code, rawCode, message } = error as unknown as { code: string; rawCode?: number; message: string };
    return new LibsqlError(message, baseCode(rawCode), code, rawCode, error as unknown as Error);
  }
  return error;
}

/** SQLite's primary result codes 1–28, by number (an extended code keeps its base in the low byte). */
const BASE_CODES = [
  "ERROR", "INTERNAL", "PERM", "ABORT", "BUSY", "LOCKED", "NOMEM", "READONLY", "INTERRUPT", "IOERR", "CORRUPT", "NOTFOUND", "FULL", "CANTOPEN", "PROTOCOL", "EMPTY", "SCHEMA", "TOOBIG", "CONSTRAINT", "MISMATCH", "MISUSE", "NOLFS", "AUTH", "FORMAT", "RANGE", "NOTADB", "NOTICE", "WARNING",
];

function baseCode(rawCode: number | undefined): string {
  if (rawCode === undefined) return "SQLITE_UNKNOWN";
  const base = rawCode & 0xff;
  const name = BASE_CODES[base - 1];
  return name === undefined || base === 0 ? `SQLITE_UNKNOWN_${base}` : `SQLITE_${name}`;
}
