/**
 * One readable line for a database error: the driver's code (`SQLITE_READONLY`, `ECONNREFUSED`, …)
 * and its message, found anywhere in the `cause` chain (drizzle wraps driver errors in a "Failed
 * query" error whose message is the SQL). Dialect-free: it reads `code` / `message` only.
 */

export interface DescribedError {
  /** `CODE: message`, or the message alone. Never a stack trace or the SQL text. */
  text: string;
  /** The driver's code, when one was found. */
  code: string | null;
  /** True when the database could not be reached or opened at all. */
  connection: boolean;
}

const CONNECTION_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|UND_ERR_\w+|SQLITE_CANTOPEN|SQLITE_NOTADB|HRANA_WEBSOCKET_ERROR|SERVER_ERROR|08\w{3}|57P0[1-3]|3D000|28P01|28000)/;
// PostgreSQL: connection exceptions (08…), the server shutting down (57P01–3), an unknown database
// (3D000) and a refused login (28…) mean the database cannot be reached, not that a statement failed.
const CONNECTION_MESSAGES = /fetch failed|unable to open|connection refused|socket hang up|getaddrinfo|ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect/i;

export function describeDbError(error: unknown): DescribedError {
  let code: string | null = null;
  let message: string | null = null;
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (typeof current !== "object") {
      message ??= String(current);
      break;
    }
    const fields = current as { code?: unknown; extendedCode?: unknown; message?: unknown; cause?: unknown };
    const ownCode = typeof fields.extendedCode === "string" ? fields.extendedCode : typeof fields.code === "string" ? fields.code : null;
    const ownMessage = typeof fields.message === "string" ? fields.message : null;
    // Prefer the deepest coded error: the driver's, not drizzle's "Failed query: <sql>".
    if (ownCode !== null) {
      code = ownCode;
      message = ownMessage;
    } else if (message === null && ownMessage !== null && !ownMessage.startsWith("Failed query")) {
      message = ownMessage;
    }
    current = fields.cause;
  }
  const body = (message ?? "unknown error").split("\n")[0]!.trim();
  const text = code !== null && !body.includes(code) ? `${code}: ${body}` : body;
  const connection = (code !== null && CONNECTION_CODES.test(code)) || CONNECTION_MESSAGES.test(body);
  return { text, code, connection };
}
