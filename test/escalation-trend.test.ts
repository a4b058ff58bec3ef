import { afterEach, describe, expect, it } from "vitest";
import { renderStatus } from "../src/cli/commands/status.js";
import { computeStatus } from "../src/decisions/status.js";
import type { GateStore } from "../src/store/types.js";
import { makeVerdict, memoryStore } from "./helpers/store-fixtures.js";

const SCOPE = "support:reply";
let store: GateStore;
afterEach(() => store?.close());

describe("escalation rate per trigger over time", () => {
  it("counts each trigger over the last 7 days, the last 30 days and all time", async () => {
    // The store's clock: 2025-01-02T03:04:05Z.
    store = memoryStore();
    const at = (daysAgo: number) => new Date(Date.parse("2025-01-02T03:04:05.000Z") - daysAgo * 86_400_000).toISOString();
    const rows: Array<[number, string[]]> = [
      [1, ["sensitive"]],
      [2, []],
      [10, ["loop", "sensitive"]],
      [20, []],
      [40, ["loop"]],
      [50, []],
    ];
    for (const [i, [daysAgo, codes]] of rows.entries()) {
      await store.saveVerdict(makeVerdict({ id: `v${i}`, scope: SCOPE, createdAt: at(daysAgo), escalation: codes, route: codes.length ? "escalate" : "human" }));
    }
    const trend = await store.escalationTrend(SCOPE);
    expect(trend.last7d).toEqual({ verdicts: 2, escalated: 1, byTrigger: { sensitive: 1 } });
    expect(trend.last30d).toEqual({ verdicts: 4, escalated: 2, byTrigger: { sensitive: 2, loop: 1 } });
    expect(trend.all).toEqual({ verdicts: 6, escalated: 3, byTrigger: { sensitive: 2, loop: 2 } });
    const statuses = await computeStatus(store, { scope: SCOPE });
    expect(renderStatus(statuses, false)).toContain("loop 0.00/0.25/0.33, sensitive 0.50/0.50/0.33");
  });
});
