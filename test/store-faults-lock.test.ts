import { join } from "node:path";
import { holdLock } from "./helpers/hold-lock.js";
import { afterEach, describe, expect, it } from "vitest";
import { createGate } from "../src/gate/create-gate.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { cleanInput, levelJudges } from "./helpers/engine-fakes.js";
import { makeVerdict, tempDir } from "./helpers/store-fixtures.js";

const HOLD_MS = 3_000;
const CONCURRENT = 5;

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("another process holds the database lock far longer than SQLite's busy timeout", () => {
  it("concurrent evaluate and decide in one process wait without freezing the event loop, drop nothing and read their writes", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const file = join(tmp.dir, "locked.db");
    const store = createGateStore({ url: `file:${file}`, timeoutMs: 15_000 });
    const gate = createGate({ store, judge: levelJudges() });
    for (let i = 0; i < CONCURRENT; i++) await store.saveVerdict(makeVerdict({ id: `pending-${i}` }));
    // A warm process: the first evaluation's one-time module and schema set-up is not what is measured.
    await gate.evaluate(cleanInput(), { threadId: "warm-up" });

    const holder = await holdLock(file, HOLD_MS);
    let last = performance.now();
    let largestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      largestGap = Math.max(largestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const results = await Promise.allSettled([
      ...Array.from({ length: CONCURRENT }, (_, i) =>
        gate.evaluate(cleanInput({ draft: { text: `Hello number ${i}, here is the note you asked for.` } }), { threadId: `t-${i}` }),
      ),
      ...Array.from({ length: CONCURRENT }, (_, i) => gate.decide(`pending-${i}`, { type: i % 2 === 0 ? "approve" : "reject", by: "reviewer" })),
    ]);
    const finished = performance.now();
    const waited = finished - started;
    clearInterval(ticker);
    // The stretch since the last tick counts too (a loop frozen throughout never ticks at all).
    largestGap = Math.max(largestGap, finished - last);
    await holder.exited;

    const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    // The writes really waited for the other process's lock.
    expect(waited).toBeGreaterThan(HOLD_MS / 2);
    const verdicts = results.slice(0, CONCURRENT).map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof gate.evaluate>>>).value);
    for (const verdict of verdicts) {
      expect(verdict.violations.map((v) => v.code)).not.toContain("gate_error");
      expect((await store.getVerdict(verdict.id))?.id).toBe(verdict.id);
    }
    for (let i = 0; i < CONCURRENT; i++) {
      expect((await store.getVerdict(`pending-${i}`))?.decision?.type).toBe(i % 2 === 0 ? "approve" : "reject");
    }
    // A timer in this process kept firing while the writes waited: no synchronous lock wait.
    expect(largestGap).toBeLessThan(HOLD_MS / 2);
    store.close();
  }, 40_000);
});
