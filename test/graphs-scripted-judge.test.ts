import { describe, expect, it } from "vitest";
import { ScriptedJudge } from "../graphs/scripted-judge.js";

describe("the demos' scripted judge", () => {
  it("answers the same when streamed (as under the LangGraph API server) as when invoked", async () => {
    const judge = new ScriptedJudge((prompt) => ({ reasoning: "ok", score: prompt.includes("spam") ? 0.2 : 0.9 }));
    const invoked = await judge.invoke("no problem here");
    let streamed = "";
    for await (const chunk of await judge.stream("no problem here")) streamed += String(chunk.content);
    expect(JSON.parse(String(invoked.content))).toEqual({ reasoning: "ok", score: 0.9 });
    expect(JSON.parse(streamed)).toEqual({ reasoning: "ok", score: 0.9 });
  });
});
