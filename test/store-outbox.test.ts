// The decision outbox (issue 19 item 3, issue 11 item 2): a verdict and a human's decision the
// database refuses during an outage are kept and written, exactly once, when it answers again.
import { join } from "node:path";
import { Command, MemorySaver } from "@langchain/langgraph";
import { afterEach, describe, expect, it } from "vitest";
import { createGate } from "../src/gate/create-gate.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { WriteQueuedError } from "../src/store/outbox.js";
import type { GateStore } from "../src/store/types.js";
import { createOutreachGraph } from "../graphs/outreach/graph.js";
import { outreachScriptedJudges } from "../graphs/scripted-judge.js";
import { cleanInput, levelJudges } from "./helpers/engine-fakes.js";
import { holdLock } from "./helpers/hold-lock.js";
import { makeVerdict, tempDir } from "./helpers/store-fixtures.js";

let cleanup: (() => void) | undefined;
let store: GateStore | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  cleanup?.();
  cleanup = undefined;
});

function fileStore(timeoutMs: number) {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  const file = join(tmp.dir, "gate.db");
  store = createGateStore({ url: `file:${file}`, timeoutMs });
  return { store, file };
}

describe("the database down, then back", () => {
  it("keeps the outage's verdict and decision and writes each exactly once, with its audit entry, once it answers", async () => {
    const { store, file } = fileStore(400);
    const gate = createGate({ store, judge: levelJudges() });
    await gate.evaluate(cleanInput({ goal: "warm-up" }), { threadId: "warm-up" });

    const lock = await holdLock(file, 60_000);
    const verdict = await gate.evaluate(cleanInput(), { threadId: "outage" });
    expect(verdict.stored).toBe(false);
    expect(verdict.route).toBe("human");
    await expect(gate.decide(verdict.id, { type: "approve", by: "dana" })).rejects.toBeInstanceOf(WriteQueuedError);
    expect(await store.outboxStatus()).toMatchObject({ depth: 2, path: `${file}.outbox.jsonl` });
    await lock.release();

    expect(await store.drainOutbox()).toBe(0);
    const stored = await store.getVerdict(verdict.id);
    expect(stored?.decision).toMatchObject({ type: "approve", by: "dana" });
    // Replaying again (another process, a retry) writes nothing twice.
    expect(await store.drainOutbox()).toBe(0);
    const audits = (await store.listAudit({ limit: 100 })).filter((e) => e.payload.verdictId === verdict.id);
    expect(audits.filter((e) => e.kind === "decision")).toHaveLength(1);
    expect(audits.filter((e) => e.kind === "verdict")).toHaveLength(1);
    const counts = await store.getCounts(verdict.scope, verdict.provenance.provenanceKey, 0);
    expect(counts).toEqual(expect.objectContaining(await store.recountCounts(verdict.scope, verdict.provenance.provenanceKey, 0)));
    expect(counts.passApprove + counts.failApprove).toBe(1);
    expect((await store.verifyAudit()).ok).toBe(true);
  }, 60_000);

  it("survives the process: a second store on the same file replays what the first one kept", async () => {
    const { store: first, file } = fileStore(400);
    await first.migrate();
    const lock = await holdLock(file, 60_000);
    await expect(first.saveVerdict(makeVerdict({ id: "kept" }))).rejects.toBeInstanceOf(WriteQueuedError);
    await expect(first.recordDecision("kept", { type: "reject", by: "ana" })).rejects.toBeInstanceOf(WriteQueuedError);
    first.close();
    await lock.release();

    const second = createGateStore({ url: `file:${file}` });
    try {
      expect((await second.getVerdict("kept"))?.decision).toMatchObject({ type: "reject", by: "ana" });
      expect(await second.outboxStatus()).toMatchObject({ depth: 0, oldestAt: null });
    } finally {
      second.close();
    }
  }, 60_000);

  it("keeps a decision taken in the graph during the outage and writes it once the database answers", async () => {
    const { store, file } = fileStore(400);
    const gate = createGate({ judge: outreachScriptedJudges(), store });
    const graph = createOutreachGraph({ gate }).compile({ checkpointer: new MemorySaver() });
    const cfg = { configurable: { thread_id: "o1" } };
    await store.migrate();
    const lock = await holdLock(file, 60_000);
    await graph.invoke({ prospect: { id: "p1", name: "Ana Alvarez", company: "Acme", email: "ana@acme.example", facts: { trigger: "your Series B", style: "clean" } } }, cfg);
    const done = await graph.invoke(new Command({ resume: { decisions: [{ type: "approve" }] } }), cfg);
    expect(done.gate).toMatchObject({ decision: { type: "approve" }, decisionStored: false });
    await lock.release();

    expect(await store.drainOutbox()).toBe(0);
    expect((await store.getVerdict(done.gate?.verdictId ?? ""))?.decision?.type).toBe("approve");
  }, 60_000);

  it("refuses nothing it should not keep: an unknown verdict id is still an error", async () => {
    const { store } = fileStore(2_000);
    await expect(store.recordDecision("no-such-verdict", { type: "approve" })).rejects.toThrow(/no-such-verdict/);
    expect((await store.outboxStatus()).depth).toBe(0);
  });
});
