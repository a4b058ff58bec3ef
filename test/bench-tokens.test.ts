// The token figure's acceptance targets (issue 17), on the shipped outreach sample draft with the
// real tokenizer: deterministic counts, no timing.
import { describe, expect, it } from "vitest";
import { tokenRows } from "../bench/figures/tokens.js";
import { createGate } from "../src/gate/create-gate.js";
import { benchGateInput } from "../bench/sample-draft.js";
import { TokenRecordingJudge } from "../bench/token-count.js";

const [perLevel, combined, , , pair] = await tokenRows();

describe("tokens per verdict on the outreach sample draft", () => {
  it("combined mode sends at most half the per-level input tokens, and no more than openevals + agentevals", () => {
    expect(perLevel?.calls).toBe(3);
    expect(combined?.calls).toBe(1);
    expect(combined!.total).toBeLessThanOrEqual(0.5 * perLevel!.total);
    expect(combined!.total).toBeLessThanOrEqual(pair!.total);
  });

  it("puts at least 70% of the per-level calls' input tokens in their shared prefix", () => {
    expect(perLevel!.shared / perLevel!.total).toBeGreaterThanOrEqual(0.7);
  });

  it("sends the three level calls one system message and one data block, differing only after the data", async () => {
    const judge = new TokenRecordingJudge();
    await createGate({ judge }).assess(await benchGateInput("tokens", "bench:tokens"));
    const [a, b, c] = judge.requests.map((r) => r.messages.map((m) => m.text));
    expect(new Set([a?.[0], b?.[0], c?.[0]]).size).toBe(1);
    const data = (user: string | undefined) => user?.slice(0, user.indexOf("</evidence>"));
    expect(new Set([data(a?.[1]), data(b?.[1]), data(c?.[1])]).size).toBe(1);
    expect(new Set([a?.[1], b?.[1], c?.[1]]).size).toBe(3);
  });
});
