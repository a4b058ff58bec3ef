import { copyFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoreUnavailableError, WriteQueuedError } from "../src/errors.js";
import { createGate } from "../src/gate/create-gate.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { cleanInput, levelJudges } from "./helpers/engine-fakes.js";
import { makeVerdict, tempDir } from "./helpers/store-fixtures.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("the database file under an open store", () => {
  it("deleting the file sends the next draft to a human instead of writing into the orphan", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const file = join(tmp.dir, "gate.db");
    const store = createGateStore({ url: `file:${file}` });
    const gate = createGate({ store, judge: levelJudges() });
    await gate.evaluate(cleanInput(), { threadId: "before" });
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });

    const verdict = await gate.evaluate(cleanInput({ draft: { text: "A second, different draft for the customer." } }), { threadId: "after" });
    expect(verdict.route).toBe("human");
    expect(verdict.violations.map((v) => v.code)).toContain("gate_error");
    await expect(store.saveVerdict(makeVerdict({ id: "orphan" }))).rejects.toThrow("the database file was deleted while the store was open");
    store.close();
  });

  it("a file replaced under the store (same path, another file) is refused too", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const file = join(tmp.dir, "gate.db");
    const store = createGateStore({ url: `file:${file}` });
    await store.saveVerdict(makeVerdict({ id: "v-1" }));
    copyFileSync(file, join(tmp.dir, "copy.db"));
    renameSync(join(tmp.dir, "copy.db"), file);
    // Refused, and kept in the outbox rather than written into the other file.
    const refused = await store.recordDecision("v-1", { type: "approve" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WriteQueuedError);
    expect((refused as WriteQueuedError).cause).toBeInstanceOf(StoreUnavailableError);
    store.close();
  });
});
