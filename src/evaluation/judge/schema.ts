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

/** The JSON value in a model's text, or null when there is none. */
export function extractJsonValue(text: string): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(extractJson(text)) };
  } catch {
    return { ok: false };
  }
}

/**
 * Validate one judge answer already parsed from JSON. Problems name the field and the kind of
 * issue only; `where` prefixes the field paths (a combined answer's level key).
 */
export function checkJudgeOutput(json: unknown, where = ""): ParsedJudgeOutput {
  const result = JudgeOutputSchema.safeParse(json);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${[where, ...issue.path].filter((k) => k !== "").join(".") || "(root)"}: ${issue.code}`);
    return { ok: false, problem: `output violates the judge schema (${fields.join("; ")})` };
  }
  const { reasoning, score, flags } = result.data;
  const out: LevelFlags = {};
  if (flags?.loop) out.loop = true;
  if (flags?.ambiguity) out.ambiguity = true;
  return { ok: true, value: { reasoning, score, flags: out } };
}

/**
 * Parse and validate a judge's answer. Problems are described by kind and field only: parser
 * messages quote the input, which may echo the draft.
 */
export function parseJudgeOutput(text: string): ParsedJudgeOutput {
  const parsed = extractJsonValue(text);
  return parsed.ok ? checkJudgeOutput(parsed.json) : { ok: false, problem: "output is not JSON" };
}
