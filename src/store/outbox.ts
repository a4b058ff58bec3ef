/**
 * The decision outbox (DESIGN §4, §8): when the database refuses to record a verdict or a human's
 * decision, the write is kept in an append-only file (one JSON line each, fsynced) and replayed,
 * in order and idempotently, before the store's next write or verdict read once the database
 * answers again — the verdict first, so a decision taken during the outage finds it. Dialect-free:
 * it wraps any `GateStore`.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from "node:fs";
import { GateConfigError, NotFoundError, OperationRefusedError, WriteQueuedError } from "../errors.js";
import type { Decision, Verdict } from "../types.js";
import type { DecisionEffects, GateStore, OutboxStatus } from "./types.js";

export type { OutboxStatus };
export { WriteQueuedError };

/** One kept write. */
export type OutboxEntry =
  | { kind: "verdict"; queuedAt: string; verdict: Verdict }
  | { kind: "decision"; queuedAt: string; verdictId: string; decision: Omit<Decision, "at"> & { at: string }; effects?: DecisionEffects };

interface OutboxFile {
  readonly path: string | null;
  read(): OutboxEntry[];
  append(entry: OutboxEntry): void;
  /** Replace the content with `entries` (the ones not yet replayed). */
  rewrite(entries: OutboxEntry[]): void;
  /** Cheap: may there be entries? */
  maybeNonEmpty(): boolean;
}

function memoryOutbox(): OutboxFile {
  let entries: OutboxEntry[] = [];
  return {
    path: null,
    read: () => [...entries],
    append: (entry) => void entries.push(entry),
    rewrite: (next) => void (entries = [...next]),
    maybeNonEmpty: () => entries.length > 0,
  };
}

function fileOutbox(path: string): OutboxFile {
  const writeDurably = (file: string, text: string, flags: string) => {
    const fd = openSync(file, flags);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  return {
    path,
    read() {
      if (!existsSync(path)) return [];
      // A line cut short by a crash is the one write that never completed: it was never acknowledged.
      return readFileSync(path, "utf8").split("\n").flatMap((line) => {
        if (line.trim() === "") return [];
        try {
          return [JSON.parse(line) as OutboxEntry];
        } catch {
          return [];
        }
      });
    },
    append: (entry) => writeDurably(path, `${JSON.stringify(entry)}\n`, "a"),
    rewrite(entries) {
      const tmp = `${path}.tmp`;
      writeDurably(tmp, entries.map((e) => `${JSON.stringify(e)}\n`).join(""), "w");
      renameSync(tmp, path);
    },
    maybeNonEmpty() {
      try {
        return statSync(path).size > 0;
      } catch {
        return false;
      }
    },
  };
}

/** The outbox file of a store: next to a `file:` database, in memory otherwise unless a path is given. */
export function outboxPathFor(url: string, explicit?: string): string | null {
  if (explicit !== undefined) return explicit;
  if (!url.startsWith("file:")) return null;
  const file = url.slice("file:".length).split("?")[0] ?? "";
  return file === "" ? null : `${file}.outbox.jsonl`;
}

/** Errors that say the request itself was wrong: nothing to keep, the caller must hear them. */
const isCallerError = (error: unknown) =>
  error instanceof GateConfigError || error instanceof WriteQueuedError || error instanceof OperationRefusedError;

/**
 * Wrap `store` so that a verdict or decision the database refuses is kept and replayed. Reads of
 * a verdict and every write first replay what is pending (stopping at the first refusal, so the
 * order holds); `outboxStatus()` reports the depth and age.
 */
export function withOutbox(store: Omit<GateStore, "outboxStatus" | "drainOutbox">, path: string | null, now: () => Date): GateStore {
  const box = path === null ? memoryOutbox() : fileOutbox(path);
  let draining: Promise<boolean> | null = null;
  /** Why the last replay stopped: the cause a write queued behind it reports. */
  let lastRefusal: unknown = null;

  /** Replays what is pending; false when the database still refuses (the rest stays queued). */
  async function replayPending(): Promise<boolean> {
    const entries = box.read();
    let ok = true;
    let done = 0;
    for (const entry of entries) {
      try {
        if (entry.kind === "verdict") await store.saveVerdict(entry.verdict);
        else await store.recordDecision(entry.verdictId, entry.decision, entry.effects);
      } catch (error) {
        // A decision the store refuses as wrong (a conflicting later decision) would block the
        // queue forever; it is dropped with the rest only when the database itself answered.
        if (error instanceof GateConfigError || error instanceof NotFoundError || error instanceof OperationRefusedError) {
          done++;
          continue;
        }
        ok = false;
        lastRefusal = error;
        break;
      }
      done++;
    }
    if (done > 0) box.rewrite(box.read().slice(done));
    return ok;
  }

  /** True when nothing is pending any more. */
  function drain(): Promise<boolean> {
    if (!box.maybeNonEmpty()) return Promise.resolve(true);
    draining ??= replayPending().finally(() => {
      draining = null;
    });
    return draining;
  }

  function status(): OutboxStatus {
    const entries = box.read();
    return { depth: entries.length, oldestAt: entries[0]?.queuedAt ?? null, path: box.path };
  }

  /**
   * The gate may try to save one verdict more than once (routed, then its human fallback): the last
   * attempt is what it returned, so it replaces an earlier one with the same id, in place.
   */
  function queueVerdict(verdict: Verdict): void {
    const entries = box.read();
    const at = entries.findIndex((e) => e.kind === "verdict" && e.verdict.id === verdict.id);
    const entry: OutboxEntry = { kind: "verdict", queuedAt: at >= 0 ? (entries[at] as OutboxEntry).queuedAt : now().toISOString(), verdict };
    if (at < 0) box.append(entry);
    else box.rewrite(entries.map((e, i) => (i === at ? entry : e)));
  }

  const inOutbox = (verdictId: string) => box.read().some((e) => e.kind === "verdict" && e.verdict.id === verdictId);

  return {
    ...store,
    async saveVerdict(verdict) {
      // Still refused: queue behind what is pending (order holds, and the draft waits one deadline, not two).
      const clear = await drain();
      try {
        if (!clear) throw lastRefusal ?? new Error("the database still refuses the writes queued before this one");
        return await store.saveVerdict(verdict);
      } catch (error) {
        if (isCallerError(error)) throw error;
        queueVerdict(verdict);
        throw new WriteQueuedError("verdict", box.path, { cause: error });
      }
    },
    async getVerdict(id) {
      await drain();
      return store.getVerdict(id);
    },
    async recordDecision(verdictId, decision, effects) {
      const clear = await drain();
      const stamped = { ...decision, at: decision.at ?? now().toISOString() };
      try {
        if (!clear) throw lastRefusal ?? new Error("the database still refuses the writes queued before this one");
        return await store.recordDecision(verdictId, stamped, effects);
      } catch (error) {
        if (isCallerError(error)) throw error;
        // Unknown because its verdict is itself still waiting in the outbox, or the database is down.
        if (error instanceof NotFoundError && !inOutbox(verdictId)) throw error;
        box.append({ kind: "decision", queuedAt: now().toISOString(), verdictId, decision: stamped, ...(effects === undefined ? {} : { effects }) });
        throw new WriteQueuedError("decision", box.path, { cause: error });
      }
    },
    outboxStatus: async () => status(),
    async drainOutbox() {
      await drain();
      return status().depth;
    },
  };
}
