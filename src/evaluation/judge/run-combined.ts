import type { Level, TokenUsage } from "../../types.js";
import { callOnce, TokenTally } from "./call.js";
import { COMBINED_PROMPT, combinedMessage, combinedNudge, type CombinedPart } from "./combined-prompt.js";
import type { JudgeMessage, JudgeModel } from "./model.js";
import type { JudgeResult } from "./run-judge.js";
import { checkJudgeOutput, extractJsonValue, type ParsedJudgeOutput } from "./schema.js";

export interface CombinedRequest {
  model: JudgeModel;
  /** The fenced run data (the same block a per-level call reads). */
  data: string;
  /** The levels asked, in report order, with their prompts. */
  parts: CombinedPart[];
  /** Per-attempt timeout. */
  timeoutMs: number;
}

/** Each part of one answer text: its valid output, or why it is missing or invalid. */
export function parseCombinedOutput(text: string, levels: readonly Level[]): Map<Level, ParsedJudgeOutput> {
  const parsed = extractJsonValue(text);
  const out = new Map<Level, ParsedJudgeOutput>();
  const root = parsed.ok && parsed.json !== null && typeof parsed.json === "object" && !Array.isArray(parsed.json) ? (parsed.json as Record<string, unknown>) : null;
  for (const level of levels) {
    if (!parsed.ok) out.set(level, { ok: false, problem: "output is not JSON" });
    else if (root === null) out.set(level, { ok: false, problem: "output is not a JSON object" });
    else if (!Object.hasOwn(root, level) || root[level] === undefined || root[level] === null) out.set(level, { ok: false, problem: `answer has no "${level}" part` });
    else out.set(level, checkJudgeOutput(root[level], level));
  }
  return out;
}

/** `usage` split evenly over `n` parts, the remainders to the first ones, so the parts sum to it. */
export function splitTokens(usage: TokenUsage, n: number): TokenUsage[] {
  const share = (total: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);
  return Array.from({ length: n }, (_, i) => ({ input: share(usage.input, i), output: share(usage.output, i) }));
}

/**
 * One judge call for every part (DESIGN §3 rules per level): a part is scored exactly when its
 * member of the answer is present and valid. When any is missing or invalid the call is retried
 * once, naming those parts, and only they are read from the second answer. A transport error or a
 * timeout is final for every part still unsettled. Never throws.
 */
export async function runCombinedJudge(request: CombinedRequest): Promise<Map<Level, JudgeResult>> {
  const messages: JudgeMessage[] = [
    { role: "system", content: COMBINED_PROMPT.system },
    { role: "human", content: combinedMessage(request.data, request.parts) },
  ];
  const runName = `autonomy-gate:${COMBINED_PROMPT.id}`;
  const tally = new TokenTally();
  const results = new Map<Level, { ok: true; result: JudgeResult } | { ok: false; problem: string }>();
  let open = request.parts;
  for (let attempt = 1; attempt <= 2 && open.length > 0; attempt++) {
    const conversation: JudgeMessage[] = attempt === 1 ? messages : [...messages, { role: "human", content: combinedNudge(open) }];
    const reply = await callOnce(request.model, conversation, runName, request.timeoutMs, tally);
    if (!reply.ok) {
      for (const part of open) results.set(part.level, { ok: true, result: { ok: false, problem: reply.problem, attempts: attempt } });
      open = [];
      break;
    }
    const parsed = parseCombinedOutput(reply.text, open.map((p) => p.level));
    const still: CombinedPart[] = [];
    for (const part of open) {
      const answer = parsed.get(part.level);
      if (answer?.ok) results.set(part.level, { ok: true, result: { ok: true, output: answer.value, attempts: attempt } });
      else {
        still.push(part);
        results.set(part.level, { ok: false, problem: answer?.ok === false ? answer.problem : "no answer" });
      }
    }
    open = still;
  }
  const tokens = tally.result().tokens;
  const shares = tokens ? splitTokens(tokens, request.parts.length) : [];
  const out = new Map<Level, JudgeResult>();
  request.parts.forEach((part, i) => {
    const entry = results.get(part.level);
    const result: JudgeResult = !entry ? { ok: false, problem: "no answer", attempts: 0 } : entry.ok ? entry.result : { ok: false, problem: `${entry.problem}, after one retry`, attempts: 2 };
    const share = shares[i];
    out.set(part.level, share ? { ...result, tokens: share } : result);
  });
  return out;
}
