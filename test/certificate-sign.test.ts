import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueCertificate } from "../src/certificate/issue.js";
import { resolvePolicy } from "../src/stats/policy.js";
import { checkSignature, generateSigningKeys, signCertificate } from "../src/certificate/sign.js";
import type { AutonomyCertificate } from "../src/certificate/types.js";
import { runCli } from "../src/cli/run-cli.js";
import { backfillDecision } from "../src/decisions/backfill.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { gateDraft, movableClock, provenance, recordingIo } from "./helpers/competence-fixtures.js";
import { tempDir } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
const AGENT = { model: "gpt-4o-mini", promptVersion: "compose@3", tools: ["crm"] };
let dir: string;
let db: string;
let cleanup: () => void;
const clock = movableClock("2025-05-01T08:00:00.000Z");

/** A CLI run whose default database (from the environment) would live in the temp dir. */
async function cli(...argv: string[]) {
  const run = recordingIo(dir);
  run.io.env = { AUTONOMY_GATE_DB: `file:${join(dir, "default.db")}` };
  const code = await runCli(argv, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = `file:${join(dir, "gate.db")}`;
  const store = createGateStore({ url: db, now: clock.now });
  const prov = { ...provenance(1), agent: AGENT };
  for (let i = 0; i < 4; i++) {
    clock.advance(60_000);
    await gateDraft(store, SCOPE, `v${i}`, true, clock.now(), prov);
    await backfillDecision(store, `v${i}`, { type: "approve", by: "ana" });
  }
  store.close();
  expect((await cli("certify", "--keygen", "issuer")).code).toBe(0);
  expect((await cli("certify", SCOPE, "--key", "issuer.key", "--out", "cert.json", "--db", db)).code).toBe(0);
});
afterEach(() => cleanup());

const certText = () => readFileSync(join(dir, "cert.json"), "utf8");

describe("signed certificates (Ed25519)", () => {
  it("records the agent specification, the maximum level earned and an Ed25519 signature", () => {
    const cert = JSON.parse(certText()) as AutonomyCertificate;
    expect(cert.agent).toEqual(AGENT);
    expect([cert.level, cert.maxLevel]).toEqual(["L3", "L3"]);
    expect(cert.signature).toMatchObject({ alg: "Ed25519" });
    expect(checkSignature(cert, readFileSync(join(dir, "issuer.pub"), "utf8"))).toEqual([]);
  });

  it("states the maximum level earned: L4 once the flip criterion holds, while the scope still runs in shadow at L3", async () => {
    const store = createGateStore({ url: db, now: clock.now });
    const cert = await issueCertificate(store, SCOPE, { gatePolicy: resolvePolicy({ preset: "default", minDecided: 4 }) });
    store.close();
    expect(cert).toMatchObject({ mode: "shadow", level: "L3", maxLevel: "L4", evidence: { eligible: true } });
  });

  it("--verify --pub passes offline and opens no database", async () => {
    const check = await cli("certify", "--verify", "cert.json", "--pub", "issuer.pub");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/signature verifies \(offline/);
    expect(existsSync(join(dir, "default.db"))).toBe(false);
  });

  it("a certificate edited by one byte fails --verify --pub with no database present", async () => {
    const text = certText();
    const at = text.indexOf('"n": 4');
    expect(at).toBeGreaterThan(0);
    writeFileSync(join(dir, "cert.json"), `${text.slice(0, at)}"n": 5${text.slice(at + 6)}`);
    const check = await cli("certify", "--verify", "cert.json", "--pub", "issuer.pub");
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/signature does not verify/);
    expect(existsSync(join(dir, "default.db"))).toBe(false);
  });

  it("a certificate re-signed with another key fails against the trusted public key", () => {
    const cert = JSON.parse(certText()) as AutonomyCertificate;
    const forged = signCertificate({ ...cert, level: "L5" }, generateSigningKeys().privateKeyPem);
    expect(checkSignature(forged, readFileSync(join(dir, "issuer.pub"), "utf8"))).toEqual([
      expect.stringMatching(/signature does not verify with the given public key/),
    ]);
  });

  it("--verify against the database names a changed agent specification", async () => {
    const store = createGateStore({ url: db, now: clock.now });
    await gateDraft(store, SCOPE, "new-model", true, clock.now(), { ...provenance(1), agent: { ...AGENT, model: "gpt-5" }, provenanceKey: "pk-new-agent" });
    store.close();
    const check = await cli("certify", "--verify", "cert.json", "--pub", "issuer.pub", "--db", db);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("agent model gpt-4o-mini → gpt-5");
  });
});
