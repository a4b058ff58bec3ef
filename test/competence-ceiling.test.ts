import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ceilingCommand } from "../src/cli/commands/ceiling.js";
import { modeCommand } from "../src/cli/commands/mode.js";
import { runCli } from "../src/cli/run-cli.js";
import { switchMode } from "../src/decisions/modes.js";
import { computeStatus } from "../src/decisions/status.js";
import { GateConfigError } from "../src/errors.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import type { GateStore } from "../src/store/types.js";
import { recordingIo } from "./helpers/competence-fixtures.js";
import { memoryStore, tempDir } from "./helpers/store-fixtures.js";

const SCOPE = "outreach:first_touch";
let store: GateStore | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  cleanup?.();
  cleanup = undefined;
});

function fileDb(): string {
  const temp = tempDir();
  cleanup = temp.cleanup;
  return `file:${join(temp.dir, "gate.db")}`;
}

describe("per-scope ceiling", () => {
  it("a scope with a ceiling of L3 refuses `mode <scope> auto --force`, naming the ceiling", async () => {
    const db = fileDb();
    const set = recordingIo();
    expect(await ceilingCommand.run([SCOPE, "L3", "--db", db], set.io)).toBe(0);
    expect(set.stdout()).toMatch(/capped at L3 \(consultant\)/);

    const refused = recordingIo();
    // A refused switch is a failed check: exit 1, naming the ceiling.
    expect(await modeCommand.run([SCOPE, "auto", "--force", "--reason", "trust me", "--db", db], refused.io)).toBe(1);
    expect(refused.stderr()).toMatch(/OperationRefusedError: .*ceiling is L3 \(consultant\) and auto is L4.*refused even with --force/);

    store = createGateStore({ url: db });
    expect((await store.getScopeState(SCOPE)).mode).toBe("shadow");
    expect((await store.listAudit({ scope: SCOPE })).map((e) => e.kind)).toEqual(["ceiling_change"]);
  });

  it("through the CLI entry point the refusal exits non-zero with the reason on stderr", async () => {
    const db = fileDb();
    await runCli(["ceiling", SCOPE, "L2", "--db", db], recordingIo().io);
    const run = recordingIo();
    expect(await runCli(["mode", SCOPE, "auto", "--force", "--reason", "x", "--db", db], run.io)).not.toBe(0);
    expect(run.stderr()).toMatch(/OperationRefusedError: .*ceiling is L2 \(collaborator\)/);
  });

  it("a ceiling of L4 or L5, or none, lets a forced switch through", async () => {
    store = memoryStore();
    await store.setCeiling(SCOPE, "L4", "ops");
    await expect(switchMode(store, SCOPE, "auto", { actor: "ops", force: true, reason: "pilot" })).resolves.toMatchObject({ mode: "auto" });
    await store.setCeiling(SCOPE, "L5", "ops");
    expect((await store.getScopeState(SCOPE)).mode).toBe("auto");
    await store.setCeiling(SCOPE, null, "ops");
    expect(await store.getCeiling(SCOPE)).toBeNull();
  });

  it("capping a scope in auto below L4 sends it back to shadow, audited", async () => {
    store = memoryStore();
    await store.setMode(SCOPE, "auto", { actor: "ops", forced: true });
    const state = await store.setCeiling(SCOPE, "L3", "risk-team");
    expect(state.mode).toBe("shadow");
    const [modeChange, ceilingChange] = await store.listAudit({ scope: SCOPE, limit: 2 });
    expect(ceilingChange).toMatchObject({ kind: "ceiling_change", actor: "risk-team", payload: { from: null, to: "L3" } });
    expect(modeChange).toMatchObject({ kind: "mode_change", payload: { from: "auto", to: "shadow", reason: "ceiling L3" } });
  });

  it("the level shown never exceeds the ceiling", async () => {
    store = memoryStore();
    await store.setCeiling(SCOPE, "L1", "ops");
    expect((await computeStatus(store, { scope: SCOPE }))[0]).toMatchObject({ level: "L1", ceiling: "L1" });
  });

  it("an unknown level is refused with the valid ones", async () => {
    store = memoryStore();
    await expect(store.setCeiling(SCOPE, "L9" as "L4", "ops")).rejects.toBeInstanceOf(GateConfigError);
    await expect(store.setCeiling(SCOPE, "L9" as "L4", "ops")).rejects.toThrow(/"L1", "L2", "L3", "L4", "L5"/);
  });
});
