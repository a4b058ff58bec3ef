/** The CLI on a PostgreSQL `--db`: every operator command works against a server (AUTONOMY_GATE_TEST_PG). */
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { captureIo } from "./helpers/evals-io.js";
import { dropSchemas, freshSchemaName, PG_URL } from "./helpers/store-backends.js";
import { makeVerdict } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
const schema = freshSchemaName("cli");

async function cli(...argv: string[]) {
  const capture = captureIo({ env: { AUTONOMY_GATE_DB_SCHEMA: schema } });
  const code = await runCli([...argv, "--db", PG_URL as string], capture.io);
  return { code, out: capture.stdout(), err: capture.stderr() };
}

describe.skipIf(PG_URL === undefined || PG_URL === "")("the CLI on a PostgreSQL --db", () => {
  afterAll(() => dropSchemas(PG_URL as string, [schema]));

  it("migrates, switches the kill switch and the mode, records a decision, reports status and verifies the audit log", async () => {
    expect(await cli("migrate")).toMatchObject({ code: 0 });
    const store = createGateStore({ url: PG_URL as string, schema });
    try {
      await store.saveVerdict(makeVerdict({ id: "c-1" }));
      await store.setProvenanceKey(SCOPE, "pk-1");
    } finally {
      store.close();
    }
    expect((await cli("kill", "on")).code).toBe(0);
    expect((await cli("kill", "off")).code).toBe(0);
    expect((await cli("mode", SCOPE, "auto", "--force", "--reason", "pilot")).code).toBe(0);
    expect((await cli("decide", "c-1", "approve", "--by", "reviewer")).code).toBe(0);
    const status = await cli("status", "--scope", SCOPE, "--json");
    expect(status.code, status.err).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ killSwitch: false, scopes: [{ scope: SCOPE, mode: "auto", agreement: 1 }] });
    const listed = await cli("verdicts", "list", "--json");
    expect(JSON.parse(listed.out).map((v: { id: string }) => v.id)).toEqual(["c-1"]);
    const verify = await cli("audit", "verify");
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toMatch(/Audit log intact: 5 rows verified/);
  });

  it("names the server, without its password, when it cannot be reached", async () => {
    const capture = captureIo({ env: { AUTONOMY_GATE_DB_TIMEOUT_MS: "2000" } });
    const code = await runCli(["status", "--db", "postgres://gate:secret@127.0.0.1:1/none"], capture.io);
    expect(code).not.toBe(0);
    expect(capture.stderr()).toContain("127.0.0.1:1");
    expect(capture.stderr()).not.toContain("secret");
  });
});
