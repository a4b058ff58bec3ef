import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { certificateHash } from "../src/certificate/seal.js";
import type { AutonomyCertificate } from "../src/certificate/types.js";
import { runCli } from "../src/cli/run-cli.js";
import { backfillDecision } from "../src/decisions/backfill.js";
import { canonicalJson, sha256 } from "../src/hash.js";
import { resolvePolicy } from "../src/stats/policy.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import { gateDraft, movableClock, provenance, recordingIo } from "./helpers/competence-fixtures.js";
import { tempDir } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
let dir: string;
let db: string;
let cleanup: () => void;
const clock = movableClock("2025-05-01T08:00:00.000Z");

/** Opens the fixture database, runs `work`, and closes it before the CLI opens it again. */
async function withDb<T>(work: (store: GateStore) => Promise<T>): Promise<T> {
  const store = createGateStore({ url: db, now: clock.now });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

async function cli(...argv: string[]) {
  const run = recordingIo(dir);
  const code = await runCli([...argv, "--db", db], run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

beforeEach(async () => {
  clock.set("2025-05-01T08:00:00.000Z");
  ({ dir, cleanup } = tempDir());
  db = `file:${join(dir, "gate.db")}`;
  await withDb(async (store) => {
    for (let i = 0; i < 6; i++) {
      clock.advance(3_600_000);
      await gateDraft(store, SCOPE, `v${i}`, i % 3 !== 0, clock.now());
      await backfillDecision(store, `v${i}`, { type: i % 3 !== 0 ? "approve" : "reject", by: "ana" });
    }
  });
});
afterEach(() => cleanup());

const readCert = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as AutonomyCertificate;

describe("autonomy-gate certify", () => {
  it("writes a certificate with level, evidence, provenance versions, policy version and a content hash", async () => {
    const issued = await cli("certify", SCOPE, "--out", "cert.json", "--golden-pass-rate", "0.95");
    expect(issued.code).toBe(0);
    const cert = readCert("cert.json");
    expect(cert).toMatchObject({
      scope: SCOPE,
      level: "L2",
      role: "collaborator",
      evidence: { n: 6, agreement: 1, rejectedPasses: 0, goldenPassRate: 0.95, epoch: 0 },
      provenance: { prompts: provenance(1).prompts, provenanceKey: provenance(1).provenanceKey, guardrailSetVersion: "guardrails@1" },
      policy: { version: 0 },
    });
    expect(cert.evidence.wilsonLower).toBeGreaterThan(0);
    expect(cert.evidence.period).toEqual({ from: "2025-05-01T09:00:00.000Z", to: "2025-05-01T14:00:00.000Z" });
    const { contentHash, ...content } = cert;
    expect(contentHash).toBe(sha256(canonicalJson(content)));
  });

  it("--verify exits 0 while the provenance and policy still match", async () => {
    await cli("certify", SCOPE, "--out", "cert.json");
    const check = await cli("certify", "--verify", "cert.json");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/is valid/);
  });

  it("after the judge prompt version is bumped, --verify exits non-zero naming the changed version", async () => {
    await cli("certify", SCOPE, "--out", "cert.json");
    await withDb((store) => gateDraft(store, SCOPE, "after-bump", true, clock.now(), provenance(2)));
    const check = await cli("certify", "--verify", "cert.json");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("judge prompt outcome-compliance@1 → outcome-compliance@2");
  });

  it("an edited certificate fails on its hash", async () => {
    await cli("certify", SCOPE, "--out", "cert.json");
    const cert = readCert("cert.json");
    writeFileSync(join(dir, "cert.json"), JSON.stringify({ ...cert, level: "L5" }));
    const check = await cli("certify", "--verify", "cert.json");
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/content hash mismatch/);
  });

  it("a certificate re-hashed after editing still fails when the live provenance differs", async () => {
    await cli("certify", SCOPE, "--out", "cert.json");
    const cert = readCert("cert.json");
    const forged = { ...cert, provenance: { ...cert.provenance, guardrailSetVersion: "guardrails@0" } };
    writeFileSync(join(dir, "cert.json"), JSON.stringify({ ...forged, contentHash: certificateHash(forged) }));
    const check = await cli("certify", "--verify", "cert.json");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("guardrail set guardrails@0 → guardrails@1");
  });

  it("a policy change since issuing invalidates the certificate, naming both versions", async () => {
    await cli("certify", SCOPE, "--out", "cert.json");
    await withDb((store) => store.setPolicy(SCOPE, resolvePolicy({ preset: "strict" }), "ops"));
    const check = await cli("certify", "--verify", "cert.json");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("policy version 0 → 1");
  });

  it("a ceiling set below the certified level invalidates the certificate", async () => {
    await cli("certify", SCOPE, "--out", "cert.json");
    await cli("ceiling", SCOPE, "L1");
    const check = await cli("certify", "--verify", "cert.json");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("ceiling L1 now caps the scope below the certified L2");
  });

  it("a scope without verdicts cannot be certified", async () => {
    const issued = await cli("certify", "unknown:scope");
    expect(issued.code).toBe(1);
    expect(issued.stderr).toMatch(/no verdicts yet/);
  });
});
