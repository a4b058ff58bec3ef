import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { AgreementCounts } from "../src/store/types.js";
import { dropSchemas, freshSchemaName, PG_URL } from "./helpers/store-backends.js";
import { tempDir } from "./helpers/store-fixtures.js";

const WORKER = join(import.meta.dirname, "helpers", "kill-campaign-worker.ts");
const LANES = 5;
const KILLS_PER_LANE = 10;

let cleanup: (() => void | Promise<void>) | undefined;
const running = new Set<ChildProcess>();
afterEach(async () => {
  // A timed-out run must not leave a worker looping on its own.
  for (const child of running) child.kill("SIGKILL");
  running.clear();
  await cleanup?.();
  cleanup = undefined;
});

/** Where a campaign writes: a libSQL file, or a fresh schema on the PostgreSQL server. */
interface Target {
  url: string;
  schema?: string;
}

/** Starts a worker, lets it run a random while once ready, SIGKILLs it; resolves to the decisions it acknowledged. */
function runAndKill(target: Target, lane: number, random: () => number): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const args = [WORKER, target.url, String(lane), ...(target.schema === undefined ? [] : [target.schema])];
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let out = "";
    let stderr = "";
    let armed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes("ready\n")) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), 50 + random() * 600);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (_code, signal) => {
      running.delete(child);
      if (signal !== "SIGKILL") return reject(new Error(`worker ended without the kill: ${stderr}`));
      const acknowledged = new Map<string, string>();
      for (const line of out.split("\n")) {
        const [word, id, type] = line.split(" ");
        if (word === "decided" && id && type) acknowledged.set(id, type);
      }
      resolve(acknowledged);
    });
  });
}

/** A seeded generator, so a failing campaign can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const backends: Array<{ name: string; target: () => Target }> = [
  {
    name: "libSQL file",
    target() {
      const tmp = tempDir();
      cleanup = tmp.cleanup;
      return { url: `file:${join(tmp.dir, "campaign.db")}` };
    },
  },
];
if (PG_URL !== undefined && PG_URL !== "") {
  const url = PG_URL;
  backends.push({
    name: "PostgreSQL",
    target() {
      const schema = freshSchemaName("campaign");
      cleanup = () => dropSchemas(url, [schema]);
      return { url, schema };
    },
  });
} else {
  console.warn("kill -9 campaign on PostgreSQL: skipped (set AUTONOMY_GATE_TEST_PG=postgres://… to run it)");
}

describe.each(backends)("the kill -9 campaign on $name", ({ target: makeTarget }) => {
  it("50 kills (5 lanes × 10) at random moments in evaluate/decide loops: no acknowledged decision lost, counters equal a recount, the audit verifies", async () => {
    const target = makeTarget();
    const random = mulberry32(19);
    const acknowledged = new Map<string, string>();
    // Lanes run side by side on one database, so kills also land while another process holds a lock.
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
          for (const [id, type] of await runAndKill(target, lane, random)) acknowledged.set(id, type);
        }
      }),
    );

    const store = createGateStore({ url: target.url, ...(target.schema === undefined ? {} : { schema: target.schema }) });
    try {
      const verdicts = await store.listVerdicts({ limit: 100_000 });
      const byId = new Map(verdicts.map((v) => [v.id, v]));
      const lost = [...acknowledged].filter(([id, type]) => byId.get(id)?.decision?.type !== type);
      expect(lost).toEqual([]);
      // Counters equal a recount of the decisions on the stored rows, per body of evidence.
      const keys = new Set(verdicts.map((v) => `${v.scope}\u0000${v.provenance.provenanceKey}`));
      for (const key of keys) {
        const [scope, provenanceKey] = key.split("\u0000") as [string, string];
        const recount: AgreementCounts = { passApprove: 0, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 0 };
        for (const v of verdicts) {
          if (v.scope !== scope || v.provenance.provenanceKey !== provenanceKey || !v.decision || v.decision.type === "skip") continue;
          const cell = `${v.passed ? "pass" : "fail"}${v.decision.type[0]!.toUpperCase()}${v.decision.type.slice(1)}` as keyof AgreementCounts;
          recount[cell]++;
        }
        expect(await store.getCounts(scope, provenanceKey, 0)).toEqual(expect.objectContaining(recount));
        expect(await store.recountCounts(scope, provenanceKey, 0)).toEqual(recount);
      }
      expect(await store.verifyAudit()).toMatchObject({ ok: true });
      expect(acknowledged.size).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  }, 400_000);
});
