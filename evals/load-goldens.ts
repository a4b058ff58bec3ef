import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { z } from "zod";
import { AutonomyGateError } from "../src/errors.js";
import { goldenCaseSchema, type GoldenCase } from "./golden-schema.js";

/** One thing wrong with a golden: where it is (file, line for JSONL, case id, field path) and what. */
export interface GoldenProblem {
  file: string;
  line?: number;
  /** The case id when the case has a readable one. */
  caseId?: string;
  /** Dotted field path (`expected.passed`, `input.steps[0].name`); empty for whole-file problems. */
  field: string;
  message: string;
}

/** Goldens that cannot be run. The CLI reports every problem and exits 2. */
export class GoldenValidationError extends AutonomyGateError {
  override name = "GoldenValidationError";
  constructor(readonly problems: GoldenProblem[]) {
    super(`${problems.length} invalid golden(s):\n${problems.map(formatProblem).join("\n")}`);
  }
}

/** A validated case and where it came from. */
export interface LoadedGolden {
  file: string;
  line?: number;
  golden: GoldenCase;
}

/** A folder of goldens; its `name` is the folder as given (the JUnit testsuite name). */
export interface GoldenSuite {
  name: string;
  dir: string;
  cases: LoadedGolden[];
}

export function formatProblem(p: GoldenProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const id = p.caseId === undefined ? "" : ` [case ${p.caseId}]`;
  const field = p.field === "" ? "" : ` field ${p.field}:`;
  return `  ${where}${id}${field} ${p.message}`;
}

/**
 * Loads and validates every `*.json` (one case) and `*.jsonl` (one case per line) file of a
 * folder, in file-name order. Throws GoldenValidationError listing all problems at once.
 */
export async function loadGoldens(dir: string, options: { cwd?: string } = {}): Promise<GoldenSuite> {
  const absolute = resolve(options.cwd ?? process.cwd(), dir);
  const isDir = await stat(absolute).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new GoldenValidationError([{ file: dir, field: "", message: "is not a readable folder of goldens" }]);

  const names = (await readdir(absolute)).filter((n) => n.endsWith(".json") || n.endsWith(".jsonl")).sort();
  if (names.length === 0) throw new GoldenValidationError([{ file: dir, field: "", message: "holds no *.json or *.jsonl goldens" }]);

  const problems: GoldenProblem[] = [];
  const cases: LoadedGolden[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const text = await readFile(join(absolute, name), "utf8");
    const records = name.endsWith(".jsonl") ? jsonlRecords(text) : [{ text, line: undefined }];
    for (const record of records) {
      const golden = parseCase(record.text, file, record.line, problems);
      if (golden) cases.push(record.line === undefined ? { file, golden } : { file, line: record.line, golden });
    }
  }
  problems.push(...duplicateIds(cases));
  if (problems.length > 0) throw new GoldenValidationError(problems);
  return { name: dir, dir: absolute, cases };
}

function jsonlRecords(text: string): Array<{ text: string; line: number }> {
  return text
    .split("\n")
    .map((line, index) => ({ text: line, line: index + 1 }))
    .filter((r) => r.text.trim() !== "");
}

function parseCase(text: string, file: string, line: number | undefined, problems: GoldenProblem[]): GoldenCase | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error: unknown) {
    problems.push({ file, line, field: "", message: `is not valid JSON (${(error as Error).message})` });
    return undefined;
  }
  const result = goldenCaseSchema.safeParse(raw);
  if (result.success) return result.data;
  const id = (raw as { id?: unknown } | null)?.id;
  const caseId = typeof id === "string" && id !== "" ? id : undefined;
  for (const issue of result.error.issues) problems.push(...describeIssue(issue, file, line, caseId));
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, file: string, line: number | undefined, caseId: string | undefined): GoldenProblem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ file, line, caseId, field: fieldPath([...issue.path, key]), message: "unknown field" }));
  }
  const missing = issue.code === "invalid_type" && issue.message.endsWith("received undefined");
  const message = missing ? `missing required field (expected ${issue.expected})` : issue.message;
  return [{ file, line, caseId, field: fieldPath(issue.path), message }];
}

/** `["input", "steps", 0, "name"]` → `input.steps[0].name`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out === "" ? String(part) : `${out}.${String(part)}`;
  }, "");
}

function duplicateIds(cases: LoadedGolden[]): GoldenProblem[] {
  const seen = new Map<string, string>();
  const problems: GoldenProblem[] = [];
  for (const { file, line, golden } of cases) {
    const first = seen.get(golden.id);
    if (first === undefined) seen.set(golden.id, file);
    else problems.push({ file, line, caseId: golden.id, field: "id", message: `duplicates the id of ${basename(first)}` });
  }
  return problems;
}

/** Loads several folders, reporting the problems of all of them together. */
export async function loadGoldenSuites(dirs: string[], options: { cwd?: string } = {}): Promise<GoldenSuite[]> {
  const settled = await Promise.allSettled(dirs.map((dir) => loadGoldens(dir, options)));
  const problems = settled.flatMap((s) => (s.status === "rejected" ? problemsOf(s.reason) : []));
  if (problems.length > 0) throw new GoldenValidationError(problems);
  return settled.map((s) => (s as PromiseFulfilledResult<GoldenSuite>).value);
}

function problemsOf(reason: unknown): GoldenProblem[] {
  if (reason instanceof GoldenValidationError) return reason.problems;
  throw reason;
}
