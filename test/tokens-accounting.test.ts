import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { describe, expect, it } from "vitest";
import { renderStatus } from "../src/cli/commands/status.js";
import { computeStatus } from "../src/decisions/status.js";
import { createGate } from "../src/gate/create-gate.js";
import { generateReport } from "../src/report/generate-report.js";
import { cleanInput, reply } from "./helpers/engine-fakes.js";
import { memoryStore } from "./helpers/store-fixtures.js";

type Scripted = { text: string; usage?: { input: number; output: number } };

/** A judge that answers from a script and reports `usage_metadata` as a provider would. */
class UsageJudge extends BaseChatModel {
  calls = 0;
  constructor(private readonly script: Scripted[]) {
    super({});
  }
  _llmType(): string {
    return "usage-judge";
  }
  async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    const next = this.script[Math.min(++this.calls, this.script.length) - 1] ?? { text: "" };
    const usage = next.usage && { input_tokens: next.usage.input, output_tokens: next.usage.output, total_tokens: next.usage.input + next.usage.output };
    return { generations: [{ text: next.text, message: new AIMessage({ content: next.text, ...(usage && { usage_metadata: usage }) }) }] };
  }
}

const withFreeText = () => cleanInput({ expectations: { compose: "a short, single-ask email" } });

describe("token accounting", () => {
  it("records each level's input and output tokens, the retry included", async () => {
    const judge = {
      step: new UsageJudge([{ text: reply(0.9), usage: { input: 100, output: 10 } }]),
      trajectory: new UsageJudge([{ text: reply(0.9), usage: { input: 200, output: 20 } }]),
      outcome: new UsageJudge([{ text: "not json", usage: { input: 300, output: 30 } }, { text: reply(0.9), usage: { input: 310, output: 31 } }]),
    };
    const assessment = await createGate({ judge }).assess(withFreeText());
    expect(assessment.levels.map((l) => l.tokens)).toEqual([{ input: 100, output: 10 }, { input: 200, output: 20 }, { input: 610, output: 61 }]);
  });

  it("splits the combined call's tokens evenly over its levels, summing to the call's usage", async () => {
    const text = JSON.stringify({ step: { reasoning: "a", score: 1 }, trajectory: { reasoning: "b", score: 1 }, outcome: { reasoning: "c", score: 1 } });
    const judge = new UsageJudge([{ text, usage: { input: 1001, output: 50 } }]);
    const assessment = await createGate({ judge, judgeMode: "combined" }).assess(withFreeText());
    expect(assessment.levels.map((l) => l.tokens)).toEqual([{ input: 334, output: 17 }, { input: 334, output: 17 }, { input: 333, output: 16 }]);
  });

  it("records no token figures when the model does not report usage, nor when a call fails", async () => {
    const judge = { default: new UsageJudge([{ text: reply(0.9) }]), outcome: new UsageJudge([{ text: "nope", usage: { input: 5, output: 1 } }, { text: reply(0.9) }]) };
    const assessment = await createGate({ judge }).assess(withFreeText());
    expect(assessment.levels.map((l) => l.tokens)).toEqual([undefined, undefined, undefined]);
  });

  it("stores the figures with the verdict and sums them per scope in status and the report: per verdict and per day", async () => {
    const store = memoryStore();
    const days = ["2025-03-01T09:00:00.000Z", "2025-03-01T17:00:00.000Z", "2025-03-02T08:00:00.000Z"];
    const usages = [
      [{ input: 100, output: 10 }, { input: 200, output: 20 }, { input: 300, output: 30 }], // 600 / 60
      [{ input: 110, output: 11 }, { input: 210, output: 21 }, { input: 310, output: 31 }], // 630 / 63
      [{ input: 120, output: 12 }, { input: 220, output: 22 }, { input: 320, output: 32 }], // 660 / 66
    ];
    for (const [i, at] of days.entries()) {
      const [s, t, o] = usages[i] ?? [];
      const judge = { step: new UsageJudge([{ text: reply(0.9), usage: s }]), trajectory: new UsageJudge([{ text: reply(0.9), usage: t }]), outcome: new UsageJudge([{ text: reply(0.9), usage: o }]) };
      const gate = createGate({ judge, store, scope: "outreach:first_touch", now: () => new Date(at) });
      const verdict = await gate.evaluate(withFreeText(), { threadId: `t-${i}` });
      expect((await store.getVerdict(verdict.id))?.levels.map((l) => l.tokens)).toEqual(usages[i]);
    }
    // A verdict from a judge that reports nothing is read but not measured.
    await createGate({ judge: new UsageJudge([{ text: reply(0.9) }]), store, scope: "outreach:first_touch" }).evaluate(withFreeText(), { threadId: "t-none" });

    const [status] = await computeStatus(store, { scope: "outreach:first_touch" });
    expect(status?.tokens).toEqual({
      window: 4,
      measured: 3,
      input: 1890,
      output: 189,
      perVerdict: { input: 630, output: 63 },
      perDay: [
        { day: "2025-03-01", verdicts: 2, input: 1230, output: 123 },
        { day: "2025-03-02", verdicts: 1, input: 660, output: 66 },
      ],
    });
    const text = renderStatus(status ? [status] : [], false);
    expect(text).toMatch(/outreach:first_touch\s+3 of 4\s+630\s+63\s+2025-03-02: 1, 660, 66\s+2/);
    const html = await generateReport(store);
    expect(html).toContain("630 in + 63 out per verdict");
    expect(html).toMatch(/<td>2025-03-01<\/td><td>2<\/td><td>1,230<\/td><td>123<\/td><td>615<\/td>/);
    store.close();
  });
});
