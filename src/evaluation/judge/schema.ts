import { z } from "zod";
import type { LevelFlags } from "../../types.js";

/** What a judge must answer: reasoning before score, so the score follows from the reasoning. */
export const JudgeOutputSchema = z.object({
  reasoning: z.string(),
  score: z.number().min(0).max(1),
  flags: z
    .object({ loop: z.boolean().nullish(), ambiguity: z.boolean().nullish() })
    .nullish(),
});

export interface JudgeOutput {
  reasoning: string;
  score: number;
  flags: LevelFlags;
}

export type ParsedJudgeOutput = { ok: true; value: JudgeOutput } | { ok: false; problem: string };

/** The JSON object inside a model's text: bare, in a ```json fence, or amid prose. */
function extractJson(text: string): string {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  if (body.startsWith("{")) return body;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

/**
 * Parse and validate a judge's answer. Problems are described by kind and field only: parser
 * messages quote the input, which may echo the draft.
 */
export function parseJudgeOutput(text: string): ParsedJudgeOutput {
  let json: unknown;
  try {
    json = JSON.parse(extractJson(text));
  } catch {
    return { ok: false, problem: "output is not JSON" };
  }
  const result = JudgeOutputSchema.safeParse(json);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.code}`);
    return { ok: false, problem: `output violates the judge schema (${fields.join("; ")})` };
  }
  const { reasoning, score, flags } = result.data;
  const out: LevelFlags = {};
  if (flags?.loop) out.loop = true;
  if (flags?.ambiguity) out.ambiguity = true;
  return { ok: true, value: { reasoning, score, flags: out } };
}
