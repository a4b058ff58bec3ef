import fc from "fast-check";
import { sqliteDatabase } from "../src/store/sqlite/connection.js";
import { afterEach, describe, expect, it } from "vitest";
import { NotFoundError, OperationRefusedError } from "../src/errors.js";
import type { AgreementCounts, GateStore } from "../src/store/types.js";
import { makeVerdict, memoryStore, openForAuto } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
const ZERO: AgreementCounts = { passApprove: 0, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 0 };

let store: GateStore;
afterEach(() => store?.close());

const counts = () => store.getCounts(SCOPE, "pk-1", 0);

describe("decision backfill", () => {
  it("records a decision on the verdict and counts it in its cell", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "v", passed: false }));
    const result = await store.recordDecision("v", { type: "edit", by: "ana", editedDraftHash: "h2" });
    expect(result.changed).toBe(true);
    expect(result.verdict.decision).toEqual({ type: "edit", by: "ana", editedDraftHash: "h2", at: "2025-01-02T03:04:05.000Z" });
    expect((await store.getVerdict("v"))?.decision?.type).toBe("edit");
    expect(await counts()).toEqual({ ...ZERO, failEdit: 1 });
  });

  it("recording the same decision type again changes nothing and leaves the counters alone", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "v" }));
    await store.recordDecision("v", { type: "approve", note: "first" });
    const again = await store.recordDecision("v", { type: "approve", note: "re-run" });
    expect(again.changed).toBe(false);
    expect(again.verdict.decision?.note).toBe("first");
    expect(await counts()).toEqual({ ...ZERO, passApprove: 1 });
    expect((await store.listAudit()).filter((e) => e.kind === "decision")).toHaveLength(1);
  });

  it("a different decision moves the counter from the old cell to the new one", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "v", passed: true }));
    await store.recordDecision("v", { type: "reject" });
    const moved = await store.recordDecision("v", { type: "approve" });
    expect(moved.changed).toBe(true);
    // The withdrawn rejected pass leaves its mark: the scope waits a little longer, never less.
    expect(await counts()).toEqual({ ...ZERO, passApprove: 1, passesAtLastReject: 1 });
  });

  it("skip touches no counter, and replacing a decision with skip removes its count", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "a" }));
    await store.saveVerdict(makeVerdict({ id: "b", passed: false }));
    await store.recordDecision("a", { type: "skip" });
    expect(await counts()).toEqual(ZERO);
    await store.recordDecision("b", { type: "reject" });
    await store.recordDecision("b", { type: "skip" });
    expect(await counts()).toEqual(ZERO);
  });

  it("a different decision on a verdict whose action already ran (a forked thread) is refused and changes nothing", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "v", passed: true }));
    await store.recordDecision("v", { type: "approve", by: "ana" });
    const before = await store.listAudit();
    await expect(store.recordDecision("v", { type: "reject", by: "bo" })).rejects.toThrow(/already decided "approve" by ana.*forked thread/);
    expect((await store.getVerdict("v"))?.decision).toMatchObject({ type: "approve", by: "ana" });
    expect(await counts()).toEqual({ ...ZERO, passApprove: 1 });
    expect(await store.listAudit()).toEqual(before);
  });

  it("an unknown verdict id throws NotFoundError and writes nothing", async () => {
    store = memoryStore();
    await expect(store.recordDecision("missing", { type: "approve" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.listAudit()).toEqual([]);
  });

  it("an invalid decision type is refused", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "v" }));
    await expect(store.recordDecision("v", { type: "maybe" as "approve" })).rejects.toThrow(/decision\.type/);
  });

  it("counts are kept apart per provenance key", async () => {
    store = memoryStore();
    const base = makeVerdict();
    await store.saveVerdict(makeVerdict({ id: "old", provenance: { ...base.provenance, provenanceKey: "pk-old" } }));
    await store.saveVerdict(makeVerdict({ id: "new" }));
    await store.recordDecision("old", { type: "approve" });
    await store.recordDecision("new", { type: "reject" });
    expect(await store.getCounts(SCOPE, "pk-old", 0)).toEqual({ ...ZERO, passApprove: 1 });
    expect(await counts()).toEqual({ ...ZERO, passReject: 1, passesAtLastReject: 1 });
  });

  it("a decision is audited with ids and types only", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "v" }));
    await store.recordDecision("v", { type: "reject", by: "ana", note: "tone is off: 'Dear sir'" });
    const [entry] = await store.listAudit({ scope: SCOPE });
    expect(entry).toMatchObject({ kind: "decision", actor: "ana", payload: { verdictId: "v", type: "reject", by: "ana", previous: null } });
    expect(JSON.stringify(entry?.payload)).not.toContain("Dear sir");
  });
});

describe("counters never drift", () => {
  it("after any sequence of decisions the counters equal a recount of the final decisions", async () => {
    const types = ["approve", "edit", "reject", "skip"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...types)), { maxLength: 25 }),
        async (passes, decisions) => {
          store = memoryStore();
          for (const [i, passed] of passes.entries()) await store.saveVerdict(makeVerdict({ id: `v${i}`, passed }));
          for (const [pick, type] of decisions) {
            // A decision after which the action ran stands; a different one is refused.
            await store.recordDecision(`v${pick % passes.length}`, { type }).catch((error: unknown) => {
              if (!(error instanceof OperationRefusedError)) throw error;
            });
          }
          const recount = { ...ZERO };
          for (const v of await store.listVerdicts({})) {
            const type = v.decision?.type;
            if (type === undefined || type === "skip") continue;
            recount[`${v.passed ? "pass" : "fail"}${type[0]!.toUpperCase()}${type.slice(1)}` as keyof AgreementCounts]++;
          }
          // The six cells are a recount; the rejected-pass mark is not a count, so it is left out.
          const { passesAtLastReject: _mark, ...cells } = await counts();
          expect(cells).toEqual(recount);
          store.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("swing-back window", () => {
  async function decideAuto(id: string, passed: boolean, type: "approve" | "edit" | "reject" | "skip", at: string) {
    await store.saveVerdict(makeVerdict({ id, passed, mode: "auto", route: passed ? "auto" : "human" }));
    await store.recordDecision(id, { type, at });
  }

  it("returns the latest decided auto-mode verdicts of the epoch, newest decision first, skipping skips", async () => {
    store = memoryStore();
    await openForAuto(store, SCOPE);
    await decideAuto("a", true, "approve", "2025-01-01T00:00:01.000Z");
    await decideAuto("b", false, "reject", "2025-01-01T00:00:03.000Z");
    await decideAuto("c", true, "skip", "2025-01-01T00:00:04.000Z");
    await decideAuto("d", true, "edit", "2025-01-01T00:00:02.000Z");
    await store.saveVerdict(makeVerdict({ id: "shadow", mode: "shadow" }));
    await store.recordDecision("shadow", { type: "reject", at: "2025-01-01T00:00:05.000Z" });
    expect(await store.recentAutoDecisions(SCOPE, 0, 10)).toEqual([
      { passed: false, decision: "reject" },
      { passed: true, decision: "edit" },
      { passed: true, decision: "approve" },
    ]);
    expect(await store.recentAutoDecisions(SCOPE, 0, 1)).toHaveLength(1);
  });

  it("decisions from an earlier epoch are not in the window", async () => {
    store = memoryStore();
    await decideAuto("a", true, "reject", "2025-01-01T00:00:01.000Z");
    const tripped = await store.tripBreaker(SCOPE, "rejected pass");
    expect(await store.recentAutoDecisions(SCOPE, tripped.epoch, 10)).toEqual([]);
  });

  it("the window query is served by an index, without a sort step", async () => {
    const { createClient } = await import("@libsql/client");
    const { migrate } = await import("../src/store/migrate.js");
    const { recentAutoQuery } = await import("../src/store/decision-row.js");
    const client = createClient({ url: ":memory:" });
    try {
      await migrate(client);
      const query = recentAutoQuery(sqliteDatabase(client), SCOPE, 0, 50).toSQL();
      const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.params as never });
      const details = plan.rows.map((r) => String(r.detail)).join("\n");
      expect(details).toContain("verdicts_scope_mode_epoch_decided_idx");
      expect(details).not.toContain("TEMP B-TREE");
    } finally {
      client.close();
    }
  });
});
