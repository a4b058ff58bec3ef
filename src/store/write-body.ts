/**
 * What every write transaction does around the queries' work, whichever the backend.
 */
import { bindAuditSession, type AuditSession } from "./audit-head.js";
import { flushAuditTx } from "./audit.js";
import { LateCommit } from "./context.js";
import type { Deadline } from "./deadline.js";
import type { Executor } from "./executor.js";
import { faultPoint } from "./fault-points.js";
import { bindDialect, type DialectOps } from "./tables.js";

/**
 * The body of every write transaction: binds the backend's tables and the connection's audit
 * session to `tx`, runs `fn`, appends the audit entries it queued (last, so the audit chain's lock
 * is held only from there to the commit; see audit.ts) and refuses to commit past the deadline.
 */
export async function writeBody<T>(
  tx: Executor,
  ops: DialectOps,
  audit: AuditSession,
  deadline: Deadline,
  fn: (tx: Executor) => Promise<T>,
): Promise<T> {
  bindDialect(tx, ops);
  bindAuditSession(tx, audit);
  const result = await fn(tx);
  if ((await flushAuditTx(tx)) !== null) faultPoint("audit_appended");
  if (deadline.expired()) throw new LateCommit("the call timed out before commit; rolled back");
  return result;
}

