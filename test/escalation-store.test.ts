import { afterEach, describe, expect, it } from "vitest";
import { buildEscalationPackage, escalationIdFor } from "../src/escalation/package.js";
import { resolveEscalation } from "../src/escalation/resolution.js";
import type { NewEscalation } from "../src/escalation/types.js";
import { GateConfigError, NotFoundError } from "../src/errors.js";
import type { GateStore } from "../src/store/types.js";
import { supportInput } from "./helpers/escalation-fixtures.js";
import { FIXED_NOW, makeVerdict, memoryStore } from "./helpers/store-fixtures.js";

let store: GateStore;
afterEach(() => store?.close());

function newEscalation(verdictId = "v-1", scope = "support:reply"): NewEscalation {
  const verdict = makeVerdict({ id: verdictId, scope, route: "escalate", escalation: ["sensitive"] });
  return {
    id: escalationIdFor(verdictId),
    verdictId,
    scope,
    threadId: verdict.threadId,
    queue: "support-legal",
    priority: "urgent",
    codes: ["sensitive"],
    package: buildEscalationPackage({ verdict, input: supportInput(), history: [], triggers: [{ code: "sensitive", reason: "a legal threat in the evidence" }] }),
  };
}

const resolution = { resolution: "resolved_by_human" as const, appropriate: true, sufficient: false, note: "needed the invoice", by: "ana" };

describe("escalation records", () => {
  it("opens a record once, with one audit entry, however often it is saved", async () => {
    store = memoryStore();
    const first = await store.saveEscalation(newEscalation());
    const again = await store.saveEscalation({ ...newEscalation(), queue: "elsewhere" });
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ record: first.record, inserted: false });
    expect(first.record).toMatchObject({ status: "open", resolution: null, createdAt: FIXED_NOW.toISOString(), queue: "support-legal" });
    const audit = await store.listAudit();
    expect(audit.map((a) => a.kind)).toEqual(["escalation_opened"]);
    expect(audit[0]?.payload).toEqual({
      escalationId: first.record.id,
      verdictId: "v-1",
      queue: "support-legal",
      priority: "urgent",
      codes: ["sensitive"],
    });
  });

  it("round-trips the package exactly", async () => {
    store = memoryStore();
    const input = newEscalation();
    await store.saveEscalation(input);
    expect((await store.getEscalation(input.id))?.package).toEqual(input.package);
  });

  it("backfills a resolution by id, audited, and ignores the same resolution again", async () => {
    store = memoryStore();
    const { record } = await store.saveEscalation(newEscalation());
    const resolved = await resolveEscalation(store, record.id, resolution);
    expect(resolved.status).toBe("resolved_by_human");
    expect(resolved.resolution).toEqual({ ...resolution, at: FIXED_NOW.toISOString() });
    const again = await store.resolveEscalation(record.id, resolution);
    expect(again.changed).toBe(false);
    expect((await store.listAudit()).map((a) => a.kind)).toEqual(["escalation_resolved", "escalation_opened"]);
  });

  it("replaces a different resolution and audits what it replaced", async () => {
    store = memoryStore();
    const { record } = await store.saveEscalation(newEscalation());
    await store.resolveEscalation(record.id, resolution);
    const changed = await store.resolveEscalation(record.id, { ...resolution, resolution: "returned_to_agent" });
    expect(changed.changed).toBe(true);
    expect(changed.record.status).toBe("returned_to_agent");
    expect((await store.listAudit({ limit: 1 }))[0]?.payload).toMatchObject({ replaces: "resolved_by_human" });
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });

  it("refuses an unknown id and a malformed resolution", async () => {
    store = memoryStore();
    await expect(resolveEscalation(store, "esc_nope", resolution)).rejects.toBeInstanceOf(NotFoundError);
    const { record } = await store.saveEscalation(newEscalation());
    await expect(resolveEscalation(store, record.id, { ...resolution, appropriate: "yes" as unknown as boolean })).rejects.toThrow(
      GateConfigError,
    );
    expect((await store.getEscalation(record.id))?.status).toBe("open");
  });

  it("lists newest first, by scope, and only the open ones with open: true", async () => {
    store = memoryStore();
    const a = (await store.saveEscalation(newEscalation("v-a"))).record;
    const b = (await store.saveEscalation(newEscalation("v-b"))).record;
    await store.saveEscalation(newEscalation("v-c", "billing:refund"));
    await store.resolveEscalation(a.id, resolution);
    expect((await store.listEscalations({ scope: "support:reply" })).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await store.listEscalations({ scope: "support:reply", open: true })).map((r) => r.id)).toEqual([b.id]);
    expect(await store.listEscalations()).toHaveLength(3);
  });
});
