/**
 * The error family. Only invalid configuration throws out of the gate (at construction time);
 * everything at run time fails open into a verdict instead (DESIGN §3.8).
 */
export class AutonomyGateError extends Error {
  override name = "AutonomyGateError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A bad option value. Names the option, the value received and the valid values. */
export class GateConfigError extends AutonomyGateError {
  override name = "GateConfigError";
  constructor(
    readonly option: string,
    readonly received: unknown,
    readonly expected: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid option \`${option}\`: received ${describe(received)}; expected ${expected}.`, options);
  }
}

/** A resume value that is not a valid decision. The interrupt stays pending. */
export class InvalidResumeError extends AutonomyGateError {
  override name = "InvalidResumeError";
  constructor(
    readonly received: unknown,
    readonly problem: string,
  ) {
    super(
      `Invalid resume value for await_approval: ${problem}. Resume with ` +
        `{ decisions: [{ type: "approve" | "edit" | "reject" | "skip", ... }] } or a bare { type: ... }. ` +
        `Received ${describe(received)}.`,
    );
  }
}

/** An operator act that the current state refuses (e.g. switching an ineligible scope to auto). */
export class OperationRefusedError extends AutonomyGateError {
  override name = "OperationRefusedError";
  constructor(
    readonly operation: string,
    readonly reasons: string[],
  ) {
    super(`${operation} refused: ${reasons.join("; ")}`);
  }
}

/** A lookup by id that found nothing (verdict, escalation, scope). */
export class NotFoundError extends AutonomyGateError {
  override name = "NotFoundError";
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`No ${kind} with id ${JSON.stringify(id)}.`);
  }
}

/** A short rendering of any value; never throws (BigInt, cycles, functions, hostile objects). */
function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    try {
      text = String(value);
    } catch {
      text = `a ${typeof value}`;
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * The database did not answer in time or refused the connection. Carries the store's URL and, for
 * a timeout, what was waiting. The gate fails open on it (the draft goes to a human).
 */
export class StoreUnavailableError extends AutonomyGateError {
  override name = "StoreUnavailableError";
  constructor(
    readonly url: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot reach the database at ${url}: ${reason}`, options);
  }
}

/** Thrown by a write the database refused and the outbox kept: nothing is lost, it is replayed later. */
export class WriteQueuedError extends AutonomyGateError {
  override name = "WriteQueuedError";
  constructor(
    readonly what: "verdict" | "decision",
    readonly outboxPath: string | null,
    options?: { cause?: unknown },
  ) {
    const cause = options?.cause instanceof Error ? options.cause.message : String(options?.cause ?? "unknown error");
    super(`the database refused the ${what} (${cause}); it is kept in the outbox${outboxPath ? ` (${outboxPath})` : ""} and will be written when the database answers again`, options);
  }
}
