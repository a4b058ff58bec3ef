import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { scopeEligibility } from "../src/decisions/eligibility.js";
import { switchMode } from "../src/decisions/modes.js";
import { auditHash, GENESIS_HASH } from "../src/store/audit-hash.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import { DEFAULT_FLIP_POLICY } from "../src/stats/policy.js";
import { makeVerdict, tempDir } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
const POLICY = { ...DEFAULT_FLIP_POLICY, minDecided: 50 };
const KEY = "a-test-audit-key-of-32-characters";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A file store with `decided` approved passes, then one undecided verdict `open`. */
async function seeded(decided: number, options: { auditKey?: string } = {}) {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  const url = `file:${join(tmp.dir, "gate.db")}`;
  const store = createGateStore({ url, ...options });
  await store.setProvenanceKey(SCOPE, "pk-1");
  for (let i = 0; i < decided; i++) {
    await store.saveVerdict(makeVerdict({ id: `v-${i}`, passed: true }));
    await store.recordDecision(`v-${i}`, { type: "approve", by: "reviewer" });
  }
  await store.saveVerdict(makeVerdict({ id: "open", passed: true }));
  const raw = createClient({ url });
  return { store, raw, url, close: () => (raw.close(), store.close()) };
}

/** Re-hashes every audit row from the genesis hash with the public rule, as a tamperer could. */
async function rehashChain(raw: Client, from: number) {
  const rows = (await raw.execute("SELECT * FROM audit_log ORDER BY seq")).rows;
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const seq = Number(row.seq);
    const payload = JSON.parse(String(row.payload)) as Record<string, unknown>;
    if (seq === from) payload.forged = true;
    const content = { seq, at: String(row.at), kind: String(row.kind), scope: row.scope === null ? null : String(row.scope), actor: String(row.actor), payload };
    const hash = auditHash(prev, content);
    await raw.execute({ sql: "UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", args: [JSON.stringify(payload), prev, hash, seq] });
    prev = hash;
  }
  return { last: rows.length, hash: prev };
}

async function verifyAfter(store: GateStore) {
  const result = await store.verifyAudit();
  expect(result.ok).toBe(false);
  return result;
}

describe("tamper evidence for what the flip rests on", () => {
  it("an untouched store verifies, every verdict and decision attested", async () => {
    const { store, close } = await seeded(3);
    try {
      const result = await store.verifyAudit();
      expect(result).toMatchObject({ ok: true, headSigned: false });
      expect(result.unattested).toBeUndefined();
      const kinds = (await store.listAudit({ limit: 1000 })).map((e) => e.kind);
      expect(kinds.filter((k) => k === "verdict")).toHaveLength(4);
      expect(kinds.filter((k) => k === "decision")).toHaveLength(3);
    } finally {
      close();
    }
  });

  it("audit verify names the verdict whose decision row was edited", async () => {
    const { store, raw, close } = await seeded(5);
    try {
      await raw.execute(`UPDATE verdicts SET decision_type = 'reject', decision = json_set(decision, '$.type', 'reject') WHERE id = 'v-1'`);
      const result = await verifyAfter(store);
      expect(result.rowMismatches).toEqual([expect.objectContaining({ verdictId: "v-1", problem: expect.stringContaining("decision was edited") })]);
    } finally {
      close();
    }
  });

  it("audit verify names the verdict whose passed flag was edited", async () => {
    const { store, raw, close } = await seeded(5);
    try {
      await raw.execute(`UPDATE verdicts SET passed = 0 WHERE id = 'v-2'`);
      const result = await verifyAfter(store);
      expect(result.rowMismatches).toEqual([expect.objectContaining({ verdictId: "v-2", problem: expect.stringContaining("row was edited") })]);
    } finally {
      close();
    }
  });

  it("audit verify names an undecided verdict edited where no counter shows it", async () => {
    const { store, raw, close } = await seeded(2);
    try {
      await raw.execute(`UPDATE verdicts SET composite = 0.99, route = 'auto' WHERE id = 'open'`);
      const result = await verifyAfter(store);
      expect(result.counterMismatches).toBeUndefined();
      expect(result.rowMismatches?.map((m) => m.verdictId)).toEqual(["open"]);
    } finally {
      close();
    }
  });

  it("audit verify names a deleted verdict, decided or not", async () => {
    const { store, raw, close } = await seeded(5);
    try {
      await raw.execute(`DELETE FROM verdicts WHERE id IN ('v-3', 'open')`);
      const result = await verifyAfter(store);
      expect(result.rowMismatches?.filter((m) => m.problem.includes("deleted")).map((m) => m.verdictId).sort()).toEqual(["open", "v-3"]);
    } finally {
      close();
    }
  });

  it("audit verify names a verdict row inserted outside the store", async () => {
    const { store, raw, close } = await seeded(1);
    try {
      const columns = (await raw.execute("PRAGMA table_info(verdicts)")).rows.map((r) => String(r.name));
      const values = columns.map((c) => (c === "id" ? "'forged'" : c));
      await raw.execute(`INSERT INTO verdicts (${columns.join(", ")}) SELECT ${values.join(", ")} FROM verdicts WHERE id = 'v-0'`);
      const result = await verifyAfter(store);
      expect(result.rowMismatches).toEqual([expect.objectContaining({ verdictId: "forged", problem: expect.stringContaining("no audit entry") })]);
    } finally {
      close();
    }
  });

  it("audit verify names the counter row moved by one", async () => {
    const { store, raw, close } = await seeded(5);
    try {
      await raw.execute(`UPDATE agreement_counters SET pass_approve = pass_approve + 1`);
      const result = await verifyAfter(store);
      expect(result.counterMismatches).toEqual([expect.objectContaining({ scope: SCOPE, provenanceKey: "pk-1", epoch: 0 })]);
    } finally {
      close();
    }
  });

  it("audit verify sees the newest audit rows cut off, and the next append leaves a gap", async () => {
    const { store, raw, close } = await seeded(3);
    try {
      const n = Number((await raw.execute("SELECT max(seq) AS n FROM audit_log")).rows[0]?.n);
      await raw.execute({ sql: "DELETE FROM audit_log WHERE seq > ?", args: [n - 2] });
      expect((await verifyAfter(store)).head).toBe(`truncated: the head records entry ${n}, the log ends at ${n - 2}`);
      await store.appendAudit({ kind: "note" });
      expect((await verifyAfter(store)).firstBad).toEqual({ seq: n + 1, problem: `gap: entry ${n - 1} is missing` });
    } finally {
      close();
    }
  });

  it("without a key, a chain re-hashed with the public rule is seen unless the head is forged too", async () => {
    const { store, raw, close } = await seeded(2);
    try {
      const { last, hash } = await rehashChain(raw, 2);
      expect((await verifyAfter(store)).head).toContain("does not match");
      await raw.execute({ sql: "UPDATE settings SET value = ? WHERE key = 'audit_head'", args: [JSON.stringify({ seq: last, hash })] });
      // What the unkeyed mode cannot see, and why the key exists.
      expect(await store.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      close();
    }
  });

  it("with a key, a full re-hash and a forged head are seen: the head's signature does not hold", async () => {
    const { store, raw, close } = await seeded(2, { auditKey: KEY });
    try {
      expect(await store.verifyAudit()).toMatchObject({ ok: true, headSigned: true });
      const { last, hash } = await rehashChain(raw, 2);
      await raw.execute({ sql: "UPDATE settings SET value = ? WHERE key = 'audit_head'", args: [JSON.stringify({ seq: last, hash, mac: "00".repeat(32) })] });
      expect((await verifyAfter(store)).head).toContain("signature does not match the audit key");
      // The store will not sign over the rewritten log either.
      await expect(store.appendAudit({ kind: "note" })).rejects.toThrow(/not signed by this store's audit key/);
    } finally {
      close();
    }
  });

  it("with a key, a head stripped of its signature is seen", async () => {
    const { store, raw, close } = await seeded(1, { auditKey: KEY });
    try {
      await raw.execute(`UPDATE settings SET value = json_remove(value, '$.mac') WHERE key = 'audit_head'`);
      expect((await verifyAfter(store)).head).toBe("the head is not signed with the audit key");
    } finally {
      close();
    }
  });

  it("a key shorter than 16 characters is refused without echoing it", () => {
    expect(() => createGateStore({ url: ":memory:", auditKey: "short-secret" })).toThrow(/auditKey.*\(hidden\).*at least 16/);
  });

  it("a counter raised by hand never makes a scope eligible", async () => {
    const { store, raw, close } = await seeded(10);
    try {
      await raw.execute(`UPDATE agreement_counters SET pass_approve = pass_approve + 40`);
      const state = await store.getScopeState(SCOPE);
      const eligibility = await scopeEligibility(store, state, POLICY, undefined, { recount: true });
      expect(eligibility.eligible).toBe(false);
      expect(eligibility.reasons.join(" ")).toContain("counters do not match a recount");
      // The promotion itself recounts: the operator's switch is refused, naming the recount.
      await expect(switchMode(store, SCOPE, "auto", { actor: "ops", gatePolicy: POLICY })).rejects.toThrow(/counters do not match a recount/);
    } finally {
      close();
    }
  });
});
