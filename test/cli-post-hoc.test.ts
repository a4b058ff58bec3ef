import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { captureIo } from "./helpers/evals-io.js";
import { makeVerdict } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
let dir: string;
let url: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "autonomy-gate-posthoc-"));
  url = `file:${join(dir, "gate.db")}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const capture = captureIo();
  const code = await runCli([...argv, "--db", url], capture.io);
  return { code, out: capture.stdout(), err: capture.stderr() };
}

/** Two sampled auto verdicts, one unsampled auto verdict, one human verdict; the scope in auto. */
async function seed() {
  const store = createGateStore({ url });
  await store.setProvenanceKey(SCOPE, "pk-1");
  await store.setMode(SCOPE, "auto", { actor: "test", forced: true });
  await store.saveVerdict(makeVerdict({ id: "auto-sampled-1", route: "auto", mode: "auto", postHocSampled: true, createdAt: "2025-01-01T00:00:01.000Z" }));
  await store.saveVerdict(makeVerdict({ id: "auto-sampled-2", route: "auto", mode: "auto", postHocSampled: true, createdAt: "2025-01-01T00:00:02.000Z" }));
  await store.saveVerdict(makeVerdict({ id: "auto-plain", route: "auto", mode: "auto" }));
  await store.saveVerdict(makeVerdict({ id: "to-human", route: "human", mode: "auto" }));
  store.close();
}

describe("autonomy-gate audit queue / review", () => {
  it("lists the sampled auto verdicts, and a wrong review removes one and trips the breaker", async () => {
    await seed();
    const queue = await cli("audit", "queue", "--scope", SCOPE);
    expect(queue.code).toBe(0);
    expect(queue.out).toMatch(/2 executed auto-approvals awaiting review/);
    expect(queue.out).toContain("auto-sampled-1");
    expect(queue.out).not.toContain("auto-plain");
    expect(queue.out).not.toContain("to-human");

    const review = await cli("audit", "review", "auto-sampled-1", "wrong", "--note", "stale facts");
    expect(review.code).toBe(0);
    expect(review.out).toMatch(/Breaker tripped: scope outreach:first_touch is back in shadow/);

    const json = JSON.parse((await cli("audit", "queue", "--json")).out) as Array<{ id: string }>;
    expect(json.map((v) => v.id)).toEqual(["auto-sampled-2"]);
    const status = await cli("status", "--scope", SCOPE);
    expect(status.out).toMatch(/post-hoc queue/);
    expect(status.out).toMatch(/1 \(oldest \d+d\)/);
  });

  it("rejects a finding other than ok or wrong with a usage error", async () => {
    await seed();
    const result = await cli("audit", "review", "auto-sampled-1", "maybe");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Expected a verdict id and ok or wrong/);
  });
});

describe("autonomy-gate verdicts list", () => {
  it("filters by route and by undecided", async () => {
    await seed();
    const store = createGateStore({ url });
    await store.recordDecision("auto-plain", { type: "approve" });
    store.close();
    const auto = JSON.parse((await cli("verdicts", "list", "--route", "auto", "--json")).out) as Array<{ id: string }>;
    expect(auto.map((v) => v.id).sort()).toEqual(["auto-plain", "auto-sampled-1", "auto-sampled-2"]);
    const undecided = JSON.parse((await cli("verdicts", "list", "--route", "auto", "--undecided", "--json")).out) as Array<{ id: string }>;
    expect(undecided.map((v) => v.id).sort()).toEqual(["auto-sampled-1", "auto-sampled-2"]);
    const human = await cli("verdicts", "list", "--route", "human");
    expect(human.out).toContain("to-human");
    expect(human.out).not.toContain("auto-plain");
  });

  it("rejects an unknown route", async () => {
    const result = await cli("verdicts", "list", "--route", "sideways");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--route must be one of auto, human, escalate/);
  });
});

describe("autonomy-gate tune", () => {
  it("prints the calibration and a recommendation, says a changed threshold is a new provenance key, and applies nothing", async () => {
    const store = createGateStore({ url });
    await store.setProvenanceKey(SCOPE, "pk-1");
    const history: Array<[number, "approve" | "edit" | "reject"]> = [...Array.from({ length: 8 }, () => [0.92, "approve"] as [number, "approve"]), [0.82, "reject"], [0.6, "edit"], [0.2, "reject"]];
    for (const [i, [composite, decision]] of history.entries()) {
      await store.saveVerdict(makeVerdict({ id: `c-${i}`, composite, passed: composite >= 0.8, decision: { type: decision, at: `2025-01-01T00:00:${String(i).padStart(2, "0")}.000Z` } }));
    }
    const before = await store.getScopeState(SCOPE);
    store.close();
    const result = await cli("tune", SCOPE);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Brier score: 0\.\d{3}/);
    expect(result.out).toMatch(/Recommended: passThreshold 0\.90/);
    expect(result.out).toMatch(/Nothing was applied\. A changed pass threshold is a new provenance key/);
    const json = JSON.parse((await cli("tune", SCOPE, "--json")).out) as { n: number; rolling: { cumulative: { agreement: number } } };
    expect(json.n).toBe(11);
    expect(json.rolling.cumulative.agreement).toBeCloseTo(10 / 11, 12);
    const after = createGateStore({ url });
    expect(await after.getScopeState(SCOPE)).toEqual(before);
    after.close();
  });
});
