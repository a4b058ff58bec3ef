import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalCommand } from "../src/cli/commands/eval.js";
import { captureIo } from "./helpers/evals-io.js";
import { parseXml } from "./helpers/evals-xml.js";

const REPO = process.cwd();
let work: string;

/** A private copy of the shipped goldens, so cases can be broken without touching the repo. */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "evals-cli-"));
  await cp(join(REPO, "goldens"), join(work, "goldens"), { recursive: true });
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function editGolden(dir: string, id: string, edit: (golden: Record<string, unknown>) => unknown): Promise<string> {
  const copy = await mkdtemp(join(work, "copy-"));
  await cp(join(work, dir), copy, { recursive: true });
  const file = join(copy, `${id}.json`);
  const golden = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  await writeFile(file, JSON.stringify(edit(golden) ?? golden, null, 2));
  return copy;
}

describe("autonomy-gate eval", () => {
  it("passes the shipped suites (gate at 1.0) and writes one JUnit testcase per golden", async () => {
    const { io, stdout } = captureIo({ cwd: work });
    const code = await evalCommand.run(["--junit", "out/junit.xml", "--summary", "out/summary.md"], io);
    expect(code, stdout()).toBe(0);
    expect(stdout()).toMatch(/PASS: goldens\/gate 1\.00, goldens\/outreach \d\.\d\d \(bar 0\.80\)/);

    const root = parseXml(await readFile(join(work, "out/junit.xml"), "utf8"));
    const counts = await Promise.all(["gate", "outreach"].map(async (d) => (await readdir(join(work, "goldens", d))).length));
    expect(root.children.map((s) => [s.attrs.name, s.children.filter((c) => c.name === "testcase").length])).toEqual([
      ["goldens/gate", counts[0]],
      ["goldens/outreach", counts[1]],
    ]);
    expect(await readFile(join(work, "out/summary.md"), "utf8")).toContain("| goldens/gate |");
  });

  it("without folders runs the goldens the package ships, whatever the working directory", async () => {
    const empty = await mkdtemp(join(tmpdir(), "evals-cli-empty-"));
    try {
      const { io, stdout } = captureIo({ cwd: empty });
      expect(await evalCommand.run([], io), stdout()).toBe(0);
      expect(stdout()).toMatch(/PASS: goldens\/gate 1\.00, goldens\/outreach/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("prints a table with expected, got, level scores and violations", async () => {
    const { io, stdout } = captureIo({ cwd: work });
    await evalCommand.run(["goldens/gate"], io);
    expect(stdout()).toMatch(/case\s+expected\s+got\s+step\s+trajectory\s+outcome\s+violations\s+result/);
    expect(stdout()).toMatch(/veto-unresolved-placeholder\s+fail -> human\s+fail -> human\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+unresolved_placeholder\*\s+ok/);
  });

  it("exits 1 and names the case and the field when one expected `passed` is flipped", async () => {
    const dir = await editGolden("goldens/gate", "clean-pass", (g) => ({ ...g, expected: { ...(g.expected as object), passed: false } }));
    const { io, stdout } = captureIo({ cwd: work });
    expect(await evalCommand.run([dir, "--bar", "1"], io)).toBe(1);
    expect(stdout()).toMatch(/FAIL \S+ clean-pass .*\n\s+passed: expected false, got true/);
  });

  it("respects the bar: one failure in the suite fails --bar 1 and passes --bar 0.9", async () => {
    const dir = await editGolden("goldens/gate", "clean-pass", (g) => ({ ...g, expected: { ...(g.expected as object), passed: false } }));
    expect(await evalCommand.run([dir, "--bar", "1"], captureIo({ cwd: work }).io)).toBe(1);
    expect(await evalCommand.run([dir, "--bar", "0.9"], captureIo({ cwd: work }).io)).toBe(0);
  });

  it("exits 2 naming the file when a golden is not valid JSON, and runs nothing", async () => {
    const dir = await editGolden("goldens/gate", "kill-switch", () => undefined);
    await writeFile(join(dir, "kill-switch.json"), '{ "id": "kill-switch", ');
    const { io, stdout, stderr } = captureIo({ cwd: work });
    expect(await evalCommand.run([dir], io)).toBe(2);
    expect(stderr()).toMatch(/kill-switch\.json.*not valid JSON/);
    expect(stdout()).not.toMatch(/\[1\//);
  });

  it("exits 2 naming the file and field when a required field is missing", async () => {
    const dir = await editGolden("goldens/outreach", "breakup-gracious-pass", (g) => {
      delete g.input;
    });
    const { io, stderr } = captureIo({ cwd: work });
    expect(await evalCommand.run([dir], io)).toBe(2);
    expect(stderr()).toMatch(/breakup-gracious-pass\.json \[case breakup-gracious-pass\] field input: missing required field/);
  });

  it("draws a progress bar on a terminal and prints lines otherwise", async () => {
    const tty = captureIo({ cwd: work, isTTY: true });
    await evalCommand.run(["goldens/gate"], tty.io);
    expect(tty.stdout()).toMatch(/\r\[[█░]+\] \d+\/\d+/);

    for (const io of [captureIo({ cwd: work, isTTY: false }), captureIo({ cwd: work, isTTY: true, env: { CI: "true" } })]) {
      await evalCommand.run(["goldens/gate"], io.io);
      expect(io.stdout()).not.toContain("\r");
      expect(io.stdout()).toMatch(/^\[1\/\d+\] goldens\/gate\/\S+ ok$/m);
    }
  });

  it("appends the Markdown summary to $GITHUB_STEP_SUMMARY", async () => {
    const file = join(work, "step-summary.md");
    await writeFile(file, "earlier step\n");
    await evalCommand.run(["goldens/gate"], captureIo({ cwd: work, env: { GITHUB_STEP_SUMMARY: file } }).io);
    const text = await readFile(file, "utf8");
    expect(text.startsWith("earlier step\n")).toBe(true);
    expect(text).toContain("## autonomy-gate eval: passed");
  });

  it("exits 2 with a clear message for --live without OPENAI_API_KEY", async () => {
    const { io, stderr } = captureIo({ cwd: work, env: {} });
    expect(await evalCommand.run(["--live"], io)).toBe(2);
    expect(stderr()).toMatch(/No live judge configured: set OPENAI_API_KEY/);
  });

  it.each([["--bar", "1.01"], ["--bar", "-0.1"], ["--bar", "high"], ["--concurrency", "0"], ["--concurrency", "2.5"], ["--nope"]])(
    "exits 2 on invalid configuration %s %s",
    async (...argv) => {
      const { io, stderr } = captureIo({ cwd: work });
      expect(await evalCommand.run(argv, io)).toBe(2);
      expect(stderr()).toMatch(/Usage: autonomy-gate eval/);
    },
  );

  it("runs from the real bin with CI=true and exits 0", async () => {
    const bin = join(REPO, "bin", "autonomy-gate.js");
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "eval", "goldens/gate"], {
      cwd: work,
      env: { ...process.env, CI: "true", GITHUB_STEP_SUMMARY: "" },
    });
    expect(stdout).toMatch(/^\[1\/\d+\] /m);
    expect(stdout).toMatch(/PASS: goldens\/gate 1\.00/);
  });
});
