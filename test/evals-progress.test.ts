import { describe, expect, it } from "vitest";
import { createProgress } from "../evals/progress.js";

function drive(isTTY: boolean, env: Record<string, string | undefined> = {}) {
  const chunks: string[] = [];
  const progress = createProgress({ total: 3, write: (t) => void chunks.push(t), isTTY, env, width: 10 });
  progress.update("gate/a", true, 1);
  progress.update("gate/b", false, 2);
  progress.update("gate/c", true, 3);
  progress.finish();
  return chunks.join("");
}

describe("eval progress", () => {
  it("redraws one bar in place with carriage returns on a terminal", () => {
    const out = drive(true);
    expect(out.split("\r")).toHaveLength(4);
    expect(out).toContain("[██████████] 3/3 100% 1 failed gate/c");
    expect(out.trimEnd().split("\n")).toHaveLength(1);
  });

  it("prints one line per case when not a terminal", () => {
    expect(drive(false)).toBe("[1/3] gate/a ok\n[2/3] gate/b FAIL\n[3/3] gate/c ok\n");
  });

  it("prints lines under CI=true even on a terminal", () => {
    const out = drive(true, { CI: "true" });
    expect(out).not.toContain("\r");
    expect(out).toBe("[1/3] gate/a ok\n[2/3] gate/b FAIL\n[3/3] gate/c ok\n");
  });

  it("pads over a longer previous bar line so no stale text remains", () => {
    const chunks: string[] = [];
    const progress = createProgress({ total: 2, write: (t) => void chunks.push(t), isTTY: true, env: {}, width: 4 });
    progress.update("a-very-long-case-id", true, 1);
    progress.update("b", true, 2);
    expect(chunks[1]!.length).toBeGreaterThanOrEqual(chunks[0]!.length);
  });
});
