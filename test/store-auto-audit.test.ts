import { afterEach, describe, expect, it } from "vitest";
import type { GateStore } from "../src/store/types.js";
import { makeVerdict, memoryStore, openForAuto } from "./helpers/store-fixtures.js";

let store: GateStore;
afterEach(() => store?.close());

describe("auto routes in the audit log", () => {
  it("an auto-routed verdict is stamped in the audit log once, however often it is saved", async () => {
    store = memoryStore();
    await openForAuto(store);
    const verdict = makeVerdict({ id: "v-auto", route: "auto", mode: "auto" });
    await store.saveVerdict(verdict);
    await store.saveVerdict(verdict);
    const stamps = (await store.listAudit({})).filter((e) => e.kind === "auto_approve");
    expect(stamps).toHaveLength(1);
    expect(stamps[0]?.payload).toMatchObject({ verdictId: "v-auto", draftHash: verdict.draftHash });
  });

  it("a verdict routed to the human leaves no auto stamp", async () => {
    store = memoryStore();
    await store.saveVerdict(makeVerdict({ id: "v-human", route: "human" }));
    expect((await store.listAudit({})).filter((e) => e.kind === "auto_approve")).toHaveLength(0);
  });
});
