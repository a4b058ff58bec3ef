/**
 * Figure 10 — the cost of a verdict in tokens: input tokens per verdict for the outreach sample
 * draft (bench/sample-draft.ts), counted with a real tokenizer on what each judge is actually sent,
 * for the gate per level and combined, and for the openevals + agentevals pair; with the shared
 * prefix of the per-level calls that a provider with prefix caching bills once.
 */
import { createGate } from "../../src/gate/create-gate.js";
import type { Level } from "../../src/types.js";
import { createAlternativeJudges } from "../alternative-judges.js";
import type { BenchConfig, FigureResult } from "../figure.js";
import { fmt } from "../harness.js";
import { benchGateInput } from "../sample-draft.js";
import { ENCODING, TokenRecordingJudge, requestTokens, schemaTokens, sharedPrefix, type RecordedRequest } from "../token-count.js";

export interface TokenRow {
  name: string;
  calls: number;
  perCall: number[];
  schema: number;
  total: number;
  shared: number;
}

function measure(name: string, requests: RecordedRequest[]): TokenRow {
  const sequences = requests.map(requestTokens);
  const schema = requests.reduce((sum, r) => sum + schemaTokens(r), 0);
  const perCall = sequences.map((s, i) => s.length + schemaTokens(requests[i]!));
  const prefix = sharedPrefix(sequences);
  // Tokens of all calls that lie in the prefix they share (with caching, all but the first call's are cache reads).
  return { name, calls: requests.length, perCall, schema, total: perCall.reduce((a, b) => a + b, 0), shared: prefix * requests.length };
}

async function gateRequests(judgeMode: "per-level" | "combined", levels?: Level[]): Promise<RecordedRequest[]> {
  const judge = new TokenRecordingJudge();
  const gate = createGate({ judge, judgeMode, ...(levels && { levels }) });
  const assessment = await gate.assess(await benchGateInput("tokens", "bench:tokens"));
  if (assessment.unscored.length > 0) throw new Error(`tokens figure: ${judgeMode} left ${assessment.unscored.join(", ")} unscored`);
  return judge.requests;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The contenders' counts, in table order: gate 3 levels per level and combined, 2 levels likewise, the pair. */
export async function tokenRows(): Promise<TokenRow[]> {
  const input = await benchGateInput("tokens", "bench:tokens");
  const altJudge = new TokenRecordingJudge();
  await createAlternativeJudges(altJudge).evaluate(input, { concurrent: false });
  return [
    measure("gate, 3 levels, per-level mode (3 calls)", await gateRequests("per-level")),
    measure("gate, 3 levels, combined mode (1 call)", await gateRequests("combined")),
    measure("gate, trajectory + outcome, per-level mode", await gateRequests("per-level", ["trajectory", "outcome"])),
    measure("gate, trajectory + outcome, combined mode", await gateRequests("combined", ["trajectory", "outcome"])),
    measure("openevals outcome + agentevals trajectory", altJudge.requests),
  ];
}

export async function tokenCost(_config: BenchConfig): Promise<FigureResult> {
  const rows = await tokenRows();
  const [three, combined, two, twoCombined, alt] = rows as [TokenRow, TokenRow, TokenRow, TokenRow, TokenRow];
  const combinedRatio = combined.total / three.total;
  const shareOf = (r: TokenRow) => (r.calls < 2 ? null : r.shared / r.total);
  const threeShare = shareOf(three) ?? 0;
  return {
    id: "tokens",
    title: "Tokens per verdict: the gate per level and combined vs openevals + agentevals",
    method:
      "The outreach sample draft every per-draft figure uses (bench/sample-draft.ts: goal, three steps, evidence, a free-text " +
      "expectation on the email step, so each gate level makes its call) judged once by each contender on a recording fake " +
      `model (bench/token-count.ts); what each call is sent is counted with js-tiktoken's ${ENCODING} (gpt-4o, gpt-4o-mini) ` +
      "plus the chat format's overhead (3 tokens per message and its role, 3 per reply). openevals binds its score schema " +
      "with `withStructuredOutput`; a provider receives it as a tool or response format, so its JSON is counted as well " +
      "(an approximation of how providers bill it). The shared prefix is the longest token prefix all of a contender's " +
      "calls have in common (system message, then the fenced run data): with automatic prefix caching every call after " +
      "the first reads it from the cache. Token counts are deterministic; `--quick` changes nothing.",
    headers: ["contender", "judge calls", "input tokens per call", "input tokens per verdict", "of which schema", "in the shared prefix", "shared-prefix share", "÷ gate per-level"],
    rows: rows.map((r) => [
      r.name,
      String(r.calls),
      r.perCall.join(" + "),
      String(r.total),
      r.schema === 0 ? "0" : String(r.schema),
      r.calls < 2 ? "—" : String(r.shared),
      shareOf(r) === null ? "—" : pct(shareOf(r) ?? 0),
      fmt(r.total / three.total),
    ]),
    notes: [
      `Combined mode sends ${combined.total} input tokens per verdict against ${three.total} for three per-level calls ` +
        `(${fmt(combinedRatio)}×) and ${alt.total} for the openevals + agentevals pair (${fmt(combined.total / alt.total)}×), ` +
        "while judging one level more than the pair does (the step level's free-text expectation). Restricted to the pair's two levels, " +
        `the gate sends ${two.total} per level and ${twoCombined.total} combined.`,
      `The pair's messages alone are ${alt.total - alt.schema} tokens: ${alt.schema} of its ${alt.total} are the score schema openevals ` +
        "binds on each call (counted as its JSON; a provider's own accounting of a tool or response-format schema differs somewhat). " +
        "The gate states its answer form inside the system message instead, so its counts hold no separate schema.",
      `The three per-level calls share a prefix of ${three.shared / three.calls} tokens (${pct(threeShare)} of their input tokens): ` +
        "the system message and the fenced run data are identical, and each call ends with its level's task of a few dozen tokens. " +
        `With prefix caching the second and third calls read ${(three.shared / three.calls) * (three.calls - 1)} of their tokens from the cache. ` +
        "Caching needs a provider that does it: OpenAI caches prompts of 1,024 tokens or more automatically (these calls are " +
        `${Math.min(...three.perCall)}–${Math.max(...three.perCall)} tokens, so a longer draft or evidence crosses it); ` +
        "Anthropic needs an explicit cache breakpoint after the data.",
      "Output tokens are not counted here (the fake's replies are not a model's); a combined answer holds one " +
        "`{ reasoning, score, flags }` per level, about the three per-level answers together, and arrives as one longer, " +
        "slower reply where per-level mode's three run concurrently.",
    ],
    slower: [
      `Per-level mode sends ${three.total} input tokens per verdict against the openevals + agentevals pair's ${alt.total} ` +
        `(${fmt(three.total / alt.total)}×): it judges a third level, and each of its calls carries the whole fenced run (steps, ` +
        `expectations, draft, evidence) where each of the pair's sees only its part. ${pct(threeShare)} of those tokens are the ` +
        "shared prefix, which a provider with prefix caching bills at its cached rate after the first call; where none does, " +
        `\`judgeMode: "combined"\` sends ${combined.total} (${fmt(combinedRatio)}×).`,
    ],
    headline: `${three.total} input tokens per verdict in 3 calls (${pct(threeShare)} shared prefix), ${combined.total} combined (${fmt(combinedRatio)}×); openevals + agentevals ${alt.total}`,
  };
}
