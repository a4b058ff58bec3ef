import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalCommand } from "../src/cli/commands/eval.js";
import { DEFAULT_JUDGE_MODEL, MissingJudgeError, MissingOpenAIPeerError, judgeFromEnv } from "../src/cli/judge-from-env.js";
import { captureIo } from "./helpers/evals-io.js";
import { startJudgeServer } from "./helpers/evals-openai-server.js";

let server: Awaited<ReturnType<typeof startJudgeServer>>;
beforeAll(async () => {
  server = await startJudgeServer(JSON.stringify({ reasoning: "Grounded and compliant.", score: 0.95 }));
});
afterAll(() => server.close());

describe("judge from the environment", () => {
  it("refuses to build without OPENAI_API_KEY, naming it", async () => {
    await expect(judgeFromEnv({ OPENAI_API_KEY: " " })).rejects.toThrow(MissingJudgeError);
    await expect(judgeFromEnv({})).rejects.toThrow(/OPENAI_API_KEY/);
  });

  it("uses JUDGE_MODEL, else the default model", async () => {
    expect((await judgeFromEnv({ OPENAI_API_KEY: "k" })).modelId).toBe(DEFAULT_JUDGE_MODEL);
    expect((await judgeFromEnv({ OPENAI_API_KEY: "k", JUDGE_MODEL: "llama-3.1-8b" })).model.model).toBe("llama-3.1-8b");
  });

  it("says how to install the optional peer @langchain/openai when it is missing", async () => {
    const missing = Object.assign(new Error("Cannot find package '@langchain/openai' imported from x"), { code: "ERR_MODULE_NOT_FOUND" });
    const attempt = judgeFromEnv({ OPENAI_API_KEY: "k" }, () => Promise.reject(missing));
    await expect(attempt).rejects.toThrow(MissingOpenAIPeerError);
    await expect(judgeFromEnv({ OPENAI_API_KEY: "k" }, () => Promise.reject(missing))).rejects.toThrow(
      /npm install @langchain\/openai/,
    );
  });

});

describe("autonomy-gate eval --live", () => {
  it("ignores scripted replies and asks the configured endpoint instead", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "evals-live-"));
    await mkdir(join(cwd, "suite"));
    // Scripted as an outage: only a live judge can score the outcome level here.
    await writeFile(
      join(cwd, "suite", "live.json"),
      JSON.stringify({
        id: "live-scores-outcome",
        description: "The scripted outage is ignored under --live.",
        input: { goal: "Book a call", steps: [{ name: "compose", output: "done" }], draft: "Hi Dana,\n\nWorth a short call next Tuesday about dock scheduling?\n\nSam" },
        judge: { outcome: { error: "timeout" } },
        expected: { passed: true, levels: { outcome: { min: 0.9 } }, judgeCalls: { total: 0 } },
      }),
    );
    const { io, stdout } = captureIo({ cwd, env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.baseUrl, JUDGE_MODEL: "local-judge" } });
    expect(await evalCommand.run(["suite", "--live"], io), stdout()).toBe(0);
    expect(stdout()).toContain("Live judge: local-judge");
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    await rm(cwd, { recursive: true, force: true });
    // The gate pins the judge's temperature to 0 by default.
    expect(server.requests.every((r) => r.model === "local-judge" && r.temperature === 0)).toBe(true);
  });
});
