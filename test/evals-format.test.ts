import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GoldenValidationError, loadGoldens, loadGoldenSuites } from "../evals/load-goldens.js";

const VALID = {
  id: "tiny-pass",
  description: "A minimal valid golden.",
  input: { goal: "Book a call", steps: [{ name: "compose", output: "ok" }], draft: "Hi Dana, worth a call?" },
  judge: { outcome: { reasoning: "fine", score: 0.9 } },
  expected: { passed: true },
};

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "evals-format-"));
  made.push(dir);
  await mkdir(join(dir, "suite"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "suite", name), text);
  return dir;
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GoldenValidationError);
  return (error as GoldenValidationError).problems;
}

describe("golden format", () => {
  it("loads a valid folder with cases in file-name order", async () => {
    const cwd = await folder({ "b.json": JSON.stringify({ ...VALID, id: "b" }), "a.json": JSON.stringify({ ...VALID, id: "a" }) });
    const suite = await loadGoldens("suite", { cwd });
    expect(suite.name).toBe("suite");
    expect(suite.cases.map((c) => c.golden.id)).toEqual(["a", "b"]);
  });

  it("reports corrupted JSON with the file name", async () => {
    const cwd = await folder({ "ok.json": JSON.stringify(VALID), "broken.json": '{ "id": "x", ' });
    const problems = await problemsOf(loadGoldens("suite", { cwd }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: join("suite", "broken.json") });
    expect(problems[0]!.message).toMatch(/not valid JSON/);
  });

  it("reports a missing required field with file, case id and field path", async () => {
    const { passed: _passed, ...expected } = VALID.expected;
    const cwd = await folder({ "case.json": JSON.stringify({ ...VALID, expected }) });
    const problems = await problemsOf(loadGoldens("suite", { cwd }));
    expect(problems).toEqual([expect.objectContaining({ file: join("suite", "case.json"), caseId: "tiny-pass", field: "expected.passed" })]);
    expect(problems[0]!.message).toMatch(/missing required field/);
  });

  it("reports a nested invalid value by its full path", async () => {
    const cwd = await folder({ "case.json": JSON.stringify({ ...VALID, judge: { outcome: { reasoning: "x", score: 1.5 } } }) });
    const problems = await problemsOf(loadGoldens("suite", { cwd }));
    expect(problems[0]).toMatchObject({ field: "judge.outcome.score", caseId: "tiny-pass" });
  });

  it("reports a misspelt field instead of ignoring it", async () => {
    const cwd = await folder({ "case.json": JSON.stringify({ ...VALID, expected: { passed: true, violation: { include: ["spam_phrase"] } } }) });
    const problems = await problemsOf(loadGoldens("suite", { cwd }));
    expect(problems).toEqual([expect.objectContaining({ field: "expected.violation", message: "unknown field" })]);
  });

  it("reports duplicate case ids within a folder", async () => {
    const cwd = await folder({ "a.json": JSON.stringify(VALID), "b.json": JSON.stringify(VALID) });
    const problems = await problemsOf(loadGoldens("suite", { cwd }));
    expect(problems).toEqual([expect.objectContaining({ file: join("suite", "b.json"), caseId: "tiny-pass", field: "id" })]);
  });

  it("reads JSONL one case per line and reports the line of a bad one", async () => {
    const lines = [JSON.stringify({ ...VALID, id: "one" }), "", JSON.stringify({ ...VALID, id: "two", description: "" })];
    const cwd = await folder({ "cases.jsonl": lines.join("\n") });
    const problems = await problemsOf(loadGoldens("suite", { cwd }));
    expect(problems).toEqual([expect.objectContaining({ file: join("suite", "cases.jsonl"), line: 3, caseId: "two", field: "description" })]);
  });

  it("refuses an empty folder and a missing folder", async () => {
    const cwd = await folder({ "notes.txt": "not a golden" });
    expect((await problemsOf(loadGoldens("suite", { cwd })))[0]!.message).toMatch(/no \*\.json/);
    expect((await problemsOf(loadGoldens("nope", { cwd })))[0]!.message).toMatch(/not a readable folder/);
  });

  it("collects the problems of several folders at once", async () => {
    const cwd = await folder({ "broken.json": "{" });
    const problems = await problemsOf(loadGoldenSuites(["suite", "missing"], { cwd }));
    expect(problems.map((p) => p.file)).toEqual([join("suite", "broken.json"), "missing"]);
  });

  it("accepts every shipped golden", async () => {
    const suites = await loadGoldenSuites(["goldens/gate", "goldens/outreach"]);
    expect(suites.map((s) => s.cases.length)).toEqual([expect.any(Number), expect.any(Number)]);
    const text = await readFile(join("goldens", "gate", "clean-pass.json"), "utf8");
    expect(JSON.parse(text)).toHaveProperty("id", "clean-pass");
  });
});
