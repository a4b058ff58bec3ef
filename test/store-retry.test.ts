import { describe, expect, it } from "vitest";
import { isBusyError, withBusyRetry } from "../src/store/sqlite/busy.js";

const busy = () => Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "SQLITE_BUSY" });

describe("lock retry", () => {
  it("recognizes lock errors directly and through a cause chain", () => {
    expect(isBusyError(busy())).toBe(true);
    expect(isBusyError(new Error("Failed query", { cause: busy() }))).toBe(true);
    expect(isBusyError({ code: "SQLITE_ERROR", extendedCode: "SQLITE_BUSY_SNAPSHOT" })).toBe(true);
    expect(isBusyError(new Error("no such table: verdicts"))).toBe(false);
  });

  it("re-runs an operation until it stops failing with a lock error", async () => {
    let calls = 0;
    const result = await withBusyRetry(async () => {
      calls++;
      if (calls < 3) throw new Error("Failed query", { cause: busy() });
      return "done";
    }, { random: () => 0 });
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("passes any other error through at once", async () => {
    let calls = 0;
    await expect(
      withBusyRetry(async () => {
        calls++;
        throw new Error("constraint failed");
      }),
    ).rejects.toThrow("constraint failed");
    expect(calls).toBe(1);
  });
});
