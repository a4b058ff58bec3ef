import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { PACKAGE_VERSION } from "../src/version.js";
import { captureIo } from "./helpers/evals-io.js";
import { makeVerdict } from "./helpers/store-fixtures.js";

let dir: string;
let url: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "autonomy-gate-cli-"));
  url = `file:${join(dir, "gate.db")}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const capture = captureIo();
  const code = await runCli([...argv, "--db", url], capture.io);
  return { code, out: capture.stdout(), err: capture.stderr() };
}

async function seed(verdicts = 3) {
  const store = createGateStore({ url });
  for (let i = 0; i < verdicts; i++) await store.saveVerdict(makeVerdict({ id: `v-${i}`, threadId: `t-${i}` }));
  await store.setProvenanceKey("outreach:first_touch", "pk-1");
  store.close();
}

describe("autonomy-gate audit verify", () => {
  it("passes on an untouched log", async () => {
    await seed();
    await cli("mode", "outreach:first_touch", "auto", "--force", "--reason", "pilot");
    const result = await cli("audit", "verify");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Audit log intact: \d+ rows verified/);
  });

  it("fails naming the row when one audit row was tampered with", async () => {
    await seed();
    await cli("mode", "outreach:first_touch", "auto", "--force", "--reason", "pilot");
    await cli("kill", "on");
    const raw = createClient({ url });
    const rows = await raw.execute("SELECT seq FROM audit_log ORDER BY seq");
    const target = Number(rows.rows[0]?.[0]);
    await raw.execute({ sql: "UPDATE audit_log SET actor = 'mallory' WHERE seq = ?", args: [target] });
    raw.close();
    const result = await cli("audit", "verify");
    expect(result.code).toBe(1);
    expect(result.err).toContain(`row ${target}: hash mismatch`);
  });

  it("fails naming the verdict when a verdict row was edited", async () => {
    await seed();
    const raw = createClient({ url });
    const [row] = (await raw.execute("SELECT id FROM verdicts ORDER BY rowid LIMIT 1")).rows;
    await raw.execute({ sql: "UPDATE verdicts SET passed = 1 - passed WHERE id = ?", args: [String(row?.id)] });
    raw.close();
    const result = await cli("audit", "verify");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`Verdict row tampered: ${String(row?.id)} differs from its audit entry \\(the row was edited\\) \\(audit entry \\d+\\)`));
  });
});

describe("autonomy-gate mode", () => {
  it("refuses auto for an ineligible scope, with the reasons, and exits 1 (a failed check)", async () => {
    await seed();
    const result = await cli("mode", "outreach:first_touch", "auto");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/refused: 0 decided verdicts, 20 needed; agreement test 0.00 < 5.10/);
    expect((await cli("status", "--json")).out).toContain('"mode": "shadow"');
  });

  it("a forced switch needs a reason and is written to the audit log as forced", async () => {
    await seed();
    expect((await cli("mode", "outreach:first_touch", "auto", "--force")).code).toBe(2);
    expect((await cli("mode", "outreach:first_touch", "auto", "--force", "--reason", "pilot week")).code).toBe(0);
    const store = createGateStore({ url });
    const change = (await store.listAudit({ scope: "outreach:first_touch" })).find((e) => e.kind === "mode_change");
    store.close();
    expect(change?.payload).toMatchObject({ to: "auto", forced: true });
    expect(String(change?.payload.reason)).toMatch(/pilot week \(not eligible: /);
  });

  it("rejects an unknown mode with a usage error", async () => {
    const result = await cli("mode", "outreach:first_touch", "autopilot");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Usage: autonomy-gate mode/);
  });
});

describe("autonomy-gate decide and kill", () => {
  it("backfills a decision by verdict id", async () => {
    await seed();
    const result = await cli("decide", "v-1", "reject", "--note", "off-brand", "--by", "dana");
    expect(result.code).toBe(0);
    const store = createGateStore({ url });
    const verdict = await store.getVerdict("v-1");
    store.close();
    expect(verdict?.decision).toMatchObject({ type: "reject", note: "off-brand", by: "dana" });
  });

  it("names an unknown verdict id and exits 2", async () => {
    await seed();
    const result = await cli("decide", "v-404", "approve");
    expect(result.code).toBe(2);
    expect(result.err).toContain('No verdict with id "v-404"');
  });

  it("refuses a difficulty weight outside [0.5, 2] before writing anything", async () => {
    await seed();
    const result = await cli("decide", "v-1", "approve", "--difficulty", "3");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--difficulty must be a number from 0.5 to 2/);
    const store = createGateStore({ url });
    expect((await store.getVerdict("v-1"))?.decision).toBeUndefined();
    store.close();
  });

  it("refuses a decision type outside approve, edit, reject, skip", async () => {
    expect((await cli("decide", "v-1", "maybe")).code).toBe(2);
  });

  it("the kill switch shows in status", async () => {
    await seed();
    expect((await cli("kill", "on")).code).toBe(0);
    expect(JSON.parse((await cli("status", "--json")).out).killSwitch).toBe(true);
    expect((await cli("status")).out).toMatch(/kill switch: ON/);
  });
});

describe("autonomy-gate status", () => {
  it("reports each operator field for a scope", async () => {
    await seed();
    await cli("decide", "v-0", "approve");
    const { scopes } = JSON.parse((await cli("status", "--json", "--scope", "outreach:first_touch")).out);
    expect(scopes[0]).toMatchObject({
      scope: "outreach:first_touch",
      mode: "shadow",
      breaker: "closed",
      provenanceKey: "pk-1",
      eligible: false,
    });
    for (const field of ["n", "agreement", "wilsonLower", "kappa", "passPrecision", "rejectedPasses", "autonomyRate", "reasons"]) {
      expect(scopes[0], field).toHaveProperty(field);
    }
  });

  it("--version prints the package version and exits 0", async () => {
    const capture = captureIo();
    expect(await runCli(["--version"], capture.io)).toBe(0);
    expect(capture.stdout()).toBe(`${PACKAGE_VERSION}\n`);
  });

  it("an unknown command exits 2 and lists the commands", async () => {
    const capture = captureIo();
    expect(await runCli(["frobnicate"], capture.io)).toBe(2);
    expect(capture.stderr()).toMatch(/Commands: migrate, status, mode/);
  });
});

describe("autonomy-gate decide on a verdict whose action ran", () => {
  it("refuses a different decision, names the first one, and exits 1", async () => {
    await seed();
    const raw = createClient({ url });
    const [row] = (await raw.execute("SELECT id FROM verdicts ORDER BY rowid LIMIT 1")).rows;
    raw.close();
    const id = String(row?.id);
    expect((await cli("decide", id, "approve", "--by", "ana")).code).toBe(0);
    const refused = await cli("decide", id, "reject");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`already decided "approve" by ana`);
  });
});

