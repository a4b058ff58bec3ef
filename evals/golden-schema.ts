/**
 * The golden case format (DESIGN §11): one case per `.json` file, or one per line of a `.jsonl`
 * file. Objects are strict so a misspelt field is reported instead of silently ignored.
 */
import { z } from "zod";
import { LEVELS } from "../src/types.js";

const scalar = z.union([z.number(), z.boolean(), z.string()]);

const expectation = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.strictObject({ equals: scalar }),
  z.strictObject({ oneOf: z.array(scalar).min(1) }),
  z.strictObject({ text: z.string().min(1) }),
]);

const step = z.strictObject({
  name: z.string().min(1),
  output: z.unknown(),
  expected: expectation.optional(),
});

const input = z.strictObject({
  goal: z.string(),
  steps: z.array(step),
  draft: z.union([z.string(), z.strictObject({ text: z.string(), args: z.record(z.string(), z.unknown()).optional() })]),
  evidence: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()]).optional(),
  expectations: z.record(z.string(), expectation).optional(),
  scope: z.string().min(1).optional(),
});

/** The judge's output schema, scripted as an object. */
const judgeObject = z.strictObject({
  reasoning: z.string(),
  score: z.number().min(0).max(1),
  flags: z.strictObject({ loop: z.boolean().optional(), ambiguity: z.boolean().optional() }).optional(),
});

/** An outage: the scripted model throws instead of answering. */
const judgeOutage = z.strictObject({ error: z.enum(["timeout", "transport"]) });

/** One scripted judge reply: the judge object, a raw string (sent verbatim, e.g. malformed output), or an outage. */
const judgeReply = z.union([z.string(), judgeOutage, judgeObject], {
  error: 'expected a judge object { reasoning, score in [0,1], flags? }, a raw string, or { "error": "timeout" | "transport" }',
});

/** Replies are consumed in order, one per call; the last one repeats (a lone malformed reply fails the retry too). */
const levelScript = z.union([judgeReply, z.array(judgeReply).min(1)]);

const level = z.enum(LEVELS);

const gateOptions = z.strictObject({
  killSwitch: z.boolean().optional(),
  levels: z
    .array(level)
    .min(1)
    .refine((levels) => new Set(levels).size === levels.length, "each level at most once")
    .optional(),
  passThreshold: z.number().min(0).max(1).optional(),
  maxDraftChars: z.number().int().positive().optional(),
});

const bounds = z.strictObject({
  min: z.number().min(0).max(1).optional(),
  max: z.number().min(0).max(1).optional(),
  unscored: z.boolean().optional(),
});

const routeContext = z.strictObject({
  eligible: z.boolean().optional(),
  breaker: z.enum(["closed", "open"]).optional(),
  killSwitch: z.boolean().optional(),
  auditSampled: z.boolean().optional(),
  escalation: z.array(z.string()).optional(),
});

const code = z.string().min(1);

const expected = z.strictObject({
  passed: z.boolean(),
  violations: z
    .strictObject({ include: z.array(code).optional(), exclude: z.array(code).optional() })
    .optional(),
  levels: z.strictObject({ step: bounds.optional(), trajectory: bounds.optional(), outcome: bounds.optional() }).optional(),
  route: z
    .strictObject({
      mode: z.enum(["shadow", "auto"]),
      context: routeContext.optional(),
      is: z.enum(["auto", "human", "escalate"]),
    })
    .optional(),
  judgeCalls: z
    .strictObject({
      step: z.number().int().min(0).optional(),
      trajectory: z.number().int().min(0).optional(),
      outcome: z.number().int().min(0).optional(),
      total: z.number().int().min(0).optional(),
    })
    .optional(),
});

/** The schema of one golden case. */
export const goldenCaseSchema = z.strictObject({
  id: z.string().regex(/^[\w.:-]+$/, "use letters, digits and . _ : - only"),
  description: z.string().min(1),
  input,
  judge: z
    .strictObject({ step: levelScript.optional(), trajectory: levelScript.optional(), outcome: levelScript.optional() })
    .optional(),
  gate: gateOptions.optional(),
  expected,
});

export type GoldenCase = z.infer<typeof goldenCaseSchema>;
export type GoldenJudgeReply = z.infer<typeof judgeReply>;
export type GoldenJudgeScript = NonNullable<GoldenCase["judge"]>;
export type GoldenGateOptions = NonNullable<GoldenCase["gate"]>;
export type GoldenExpected = GoldenCase["expected"];
export type GoldenRouteContext = z.infer<typeof routeContext>;
