import { ChatOpenAI } from "@langchain/openai";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createGate } from "../src/gate/create-gate.js";
import { cleanInput, reply } from "./helpers/engine-fakes.js";
import { type ChatRequest, completion, sendJson, startOpenAiServer } from "./helpers/engine-openai-server.js";

type Server = Awaited<ReturnType<typeof startOpenAiServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A real ChatOpenAI against a local chat-completions server, judging the outcome level. */
async function judgeWith(handler: (request: ChatRequest, res: ServerResponse) => void, model = "gpt-4o-mini") {
  server = await startOpenAiServer(handler);
  const judge = new ChatOpenAI({ model, apiKey: "test", configuration: { baseURL: server.baseURL }, maxRetries: 0 });
  const gate = createGate({ judge, levels: ["outcome"], judgeTimeoutMs: 300 });
  return { gate, requests: server.requests };
}

const errorBody = (type: string) => JSON.stringify({ error: { message: "upstream trouble", type } });

describe("the real ChatOpenAI client as judge", () => {
  it("yields a scored level from a well-formed answer, at temperature 0", async () => {
    const { gate, requests } = await judgeWith((_req, res) => sendJson(res, 200, completion(reply(0.9, "Grounded and polite."))));
    const verdict = await gate.evaluate(cleanInput());
    expect(verdict.levels[0]).toMatchObject({ score: 0.9, reason: "guardrails clean; Grounded and polite." });
    expect(verdict.provenance.judgeModels.outcome).toBe("gpt-4o-mini");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body.temperature).toBe(0);
    expect(requests[0]?.body.messages).toMatchObject([{ role: "system" }, { role: "user" }]);
  });

  it("retries a schema-invalid answer once and scores a valid second one", async () => {
    let n = 0;
    const { gate, requests } = await judgeWith((_req, res) => sendJson(res, 200, completion(n++ === 0 ? '{"score": "high"}' : reply(0.85))));
    expect((await gate.assess(cleanInput())).levels[0]?.score).toBe(0.85);
    expect(requests).toHaveLength(2);
  });

  const failures: Array<[string, (request: ChatRequest, res: ServerResponse) => void, RegExp]> = [
    ["HTTP 500", (_req, res) => sendJson(res, 500, errorBody("server_error")), /HTTP 500/],
    ["HTTP 429", (_req, res) => sendJson(res, 429, errorBody("rate_limit_exceeded")), /HTTP 429/],
    ["a response slower than the timeout", (_req, res) => setTimeout(() => res.destroyed || sendJson(res, 200, completion(reply(1))), 2000), /timeout after 300 ms/],
    [
      "a body that is not JSON",
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("<html>502 Bad Gateway</html>");
      },
      /./,
    ],
    ["JSON that violates the schema", (_req, res) => sendJson(res, 200, completion(JSON.stringify({ verdict: "great", score: 7 }))), /judge schema/],
    ["a dropped connection", (_req, res) => res.socket?.destroy(), /./],
  ];

  it.each(failures)("leaves the level unscored, never throwing, on %s", async (_label, handler, detail) => {
    const { gate } = await judgeWith(handler);
    const verdict = await gate.evaluate(cleanInput());
    expect(verdict.levels[0]?.score).toBeNull();
    expect(verdict.unscored).toEqual(["outcome"]);
    expect(verdict.passed).toBe(false);
    const unavailable = verdict.violations.find((v) => v.code === "judge_unavailable");
    expect(unavailable).toMatchObject({ severity: "soft", level: "outcome" });
    expect(unavailable?.detail).toMatch(detail);
  });
});
