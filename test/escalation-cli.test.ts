import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { buildEscalationPackage, escalationIdFor } from "../src/escalation/package.js";
import type { EscalationRecord } from "../src/escalation/types.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { recordingIo, supportInput } from "./helpers/escalation-fixtures.js";
import { FIXED_NOW, makeVerdict, tempDir } from "./helpers/store-fixtures.js";

let dir: { dir: string; cleanup: () => void };
let url: string;
const ids = { a: escalationIdFor("v-a"), b: escalationIdFor("v-b") };

beforeEach(async () => {
  dir = tempDir();
  url = `file:${join(dir.dir, "cli.db")}`;
  const store = createGateStore({ url, now: () => FIXED_NOW });
  for (const [key, queue] of [["a", "support-legal"], ["b", "tier-2"]] as const) {
    const verdict = makeVerdict({ id: `v-${key}`, scope: "support:reply", route: "escalate", escalation: ["sensitive"] });
    await store.saveVerdict(verdict);
    const triggers = [{ code: "sensitive" as const, reason: "a legal threat in the evidence" }];
    await store.saveEscalation({
      id: ids[key],
      verdictId: verdict.id,
      scope: verdict.scope,
      threadId: verdict.threadId,
      queue,
      priority: "high",
      codes: ["sensitive"],
      package: buildEscalationPackage({ verdict, input: supportInput(), history: [], triggers }),
    });
  }
  store.close();
});
afterEach(() => dir.cleanup());

async function cli(...argv: string[]) {
  const { io, stdout, stderr } = recordingIo();
  const code = await runCli([...argv, "--db", url], io);
  return { code, out: stdout(), err: stderr() };
}

describe("autonomy-gate escalations", () => {
  it("resolve backfills the owner's resolution by id", async () => {
    const { code, out } = await cli("escalations", "resolve", ids.a, "--resolution", "resolved_by_human", "--appropriate", "yes", "--sufficient", "no", "--note", "needed the invoice");
    expect(code).toBe(0);
    expect(out).toContain(`Resolved escalation ${ids.a}`);
    const listed = JSON.parse((await cli("escalations", "list", "--json")).out) as EscalationRecord[];
    expect(listed.find((r) => r.id === ids.a)?.resolution).toEqual({
      resolution: "resolved_by_human",
      appropriate: true,
      sufficient: false,
      note: "needed the invoice",
      by: "cli",
      at: expect.any(String),
    });
  });

  it("list --open leaves out the resolved ones", async () => {
    await cli("escalations", "resolve", ids.a, "--resolution", "returned_to_agent", "--appropriate", "no", "--sufficient", "yes");
    const { code, out } = await cli("escalations", "list", "--open");
    expect(code).toBe(0);
    expect(out).toContain(ids.b);
    expect(out).not.toContain(ids.a);
    expect(out).toMatch(/tier-2\s+high\s+open\s+sensitive/);
  });

  it("list --json carries the (redacted) package for the owner", async () => {
    const listed = JSON.parse((await cli("escalations", "list", "--json")).out) as EscalationRecord[];
    expect(listed).toHaveLength(2);
    expect(listed[0]?.package.goal).toBe(supportInput().goal);
  });

  it("refuses a bad flag value with exit code 2 and the usage", async () => {
    const bad = await cli("escalations", "resolve", ids.a, "--resolution", "resolved_by_human", "--appropriate", "maybe", "--sufficient", "no");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--appropriate must be yes or no/);
    expect((await cli("escalations", "resolve", ids.a, "--resolution", "closed", "--appropriate", "yes", "--sufficient", "yes")).err).toMatch(
      /resolved_by_human, returned_to_agent/,
    );
  });

  it("reports an unknown id with exit code 2", async () => {
    const res = await cli("escalations", "resolve", "esc_missing", "--resolution", "resolved_by_human", "--appropriate", "yes", "--sufficient", "yes");
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/No escalation with id "esc_missing"/);
  });
});
