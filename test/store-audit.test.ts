import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { auditHash, GENESIS_HASH } from "../src/store/audit.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import { makeVerdict, tempDir } from "./helpers/store-fixtures.js";
import { setFaultHook } from "../src/store/fault-points.js";

let store: GateStore | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  store?.close();
  cleanup?.();
});

/** A file store (raw SQL tampering needs a second connection) holding five audit entries. */
async function storeWithEntries() {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  const url = `file:${tmp.dir}/audit.db`;
  store = createGateStore({ url });
  for (let i = 1; i <= 5; i++) await store.appendAudit({ kind: "note", scope: "s", actor: "ops", payload: { i } });
  const raw = createClient({ url });
  return { store, raw };
}

describe("audit log", () => {
  it("entries chain from the genesis hash with consecutive seqs", async () => {
    store = createGateStore({ url: ":memory:", now: () => new Date("2025-01-01T00:00:00.000Z") });
    const first = await store.appendAudit({ kind: "note", payload: { at: new Date("2024-12-31T00:00:00.000Z") } });
    const second = await store.appendAudit({ kind: "note", scope: "s", actor: "ops" });
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actor: "system", scope: null, payload: { at: "2024-12-31T00:00:00.000Z" } });
    expect(first.hash).toBe(auditHash(GENESIS_HASH, first));
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, payload: {} });
    expect(await store.verifyAudit()).toEqual({ ok: true, checked: 2, headSigned: false });
  });

  it("an empty log verifies", async () => {
    store = createGateStore({ url: ":memory:" });
    expect(await store.verifyAudit()).toEqual({ ok: true, checked: 0, headSigned: false });
  });

  it("tampering with one row's payload is reported at exactly that seq", async () => {
    const { store, raw } = await storeWithEntries();
    await raw.execute(`UPDATE audit_log SET payload = '{"i":99}' WHERE seq = 3`);
    raw.close();
    expect(await store.verifyAudit()).toEqual({ ok: false, checked: 2, headSigned: false, firstBad: { seq: 3, problem: "hash mismatch" } });
  });

  it("a tampered row whose hash was recomputed breaks the link of the next row", async () => {
    const { store, raw } = await storeWithEntries();
    const [row] = (await raw.execute(`SELECT * FROM audit_log WHERE seq = 2`)).rows;
    const content = { seq: 2, at: String(row?.at), kind: "note", scope: "s", actor: "ops", payload: { i: 99 } };
    await raw.execute({
      sql: `UPDATE audit_log SET payload = '{"i":99}', hash = ? WHERE seq = 2`,
      args: [auditHash(String(row?.prev_hash), content)],
    });
    raw.close();
    expect((await store.verifyAudit()).firstBad).toEqual({ seq: 3, problem: "broken link" });
  });

  it("a deleted row is reported as a gap", async () => {
    const { store, raw } = await storeWithEntries();
    await raw.execute(`DELETE FROM audit_log WHERE seq = 4`);
    raw.close();
    expect((await store.verifyAudit()).firstBad).toEqual({ seq: 5, problem: "gap: entry 4 is missing" });
  });

  it("a forged prevHash is reported as a broken link", async () => {
    const { store, raw } = await storeWithEntries();
    const [row] = (await raw.execute(`SELECT * FROM audit_log WHERE seq = 4`)).rows;
    const forgedPrev = "a".repeat(64);
    const content = { seq: 4, at: String(row?.at), kind: "note", scope: "s", actor: "ops", payload: { i: 4 } };
    await raw.execute({
      sql: `UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 4`,
      args: [forgedPrev, auditHash(forgedPrev, content)],
    });
    raw.close();
    expect((await store.verifyAudit()).firstBad).toEqual({ seq: 4, problem: "broken link" });
  });

  it("lists newest first, filtered by scope", async () => {
    store = createGateStore({ url: ":memory:" });
    await store.appendAudit({ kind: "a", scope: "x" });
    await store.appendAudit({ kind: "b", scope: "y" });
    await store.appendAudit({ kind: "c", scope: "x" });
    expect((await store.listAudit({ scope: "x" })).map((e) => e.kind)).toEqual(["c", "a"]);
    expect((await store.listAudit({ limit: 1 })).map((e) => e.kind)).toEqual(["c"]);
  });
});

describe("audit head, written by several connections", () => {
  it("two stores on one file that take turns appending keep one unbroken chain", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const url = `file:${tmp.dir}/turns.db`;
    store = createGateStore({ url });
    const other = createGateStore({ url });
    try {
      // Each store's next append finds the head moved by the other one since its own last write.
      for (let i = 0; i < 4; i++) {
        await store.appendAudit({ kind: "note", payload: { by: "a", i } });
        await other.appendAudit({ kind: "note", payload: { by: "b", i } });
      }
      const entries = await store.listAudit({ limit: 20 });
      expect(entries.map((e) => e.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 8, headSigned: false });
    } finally {
      other.close();
    }
  });

  it("an append rolled back with its decision leaves no gap for the next append", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    store = createGateStore({ url: `file:${tmp.dir}/rollback.db` });
    const verdict = makeVerdict();
    await store.saveVerdict(verdict);
    // The decision's audit entry is written, then its transaction fails and rolls back.
    setFaultHook((point) => {
      if (point === "audit_appended") throw new Error("injected failure after the audit append");
    });
    try {
      await expect(store.recordDecision(verdict.id, { type: "approve", by: "ops" })).rejects.toThrow("injected failure");
    } finally {
      setFaultHook(null);
    }
    await store.recordDecision(verdict.id, { type: "approve", by: "ops" });
    const entries = await store.listAudit({ limit: 10 });
    expect(entries.map((e) => [e.seq, e.kind])).toEqual([
      [2, "decision"],
      [1, "verdict"],
    ]);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, checked: 2 });
  });

  it("a head rewritten behind a store's back is read and refused, not extended from memory", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const url = `file:${tmp.dir}/signed.db`;
    const key = "k".repeat(32);
    store = createGateStore({ url, auditKey: key });
    await store.appendAudit({ kind: "note", payload: { i: 1 } });
    const raw = createClient({ url });
    await raw.execute(`UPDATE settings SET value = '{"seq":1,"hash":"${"0".repeat(64)}","mac":"${"1".repeat(64)}"}' WHERE key = 'audit_head'`);
    raw.close();
    await expect(store.appendAudit({ kind: "note", payload: { i: 2 } })).rejects.toThrow(/not signed by this store's audit key/);
  });
});
