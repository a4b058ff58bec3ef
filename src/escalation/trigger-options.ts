import { z } from "zod";
import { GateConfigError } from "../errors.js";
import type { GateInput } from "../types.js";
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from "./sensitive-phrases.js";

/**
 * A host's own signal for a trigger, over the gate input (the host's `select` decides what the
 * input carries: account tier in the evidence, refund amount in the draft args, a flag set by an
 * earlier node). Return `true` or a reason in words (no draft text) to fire; anything else does not.
 */
export type HostPredicate = (input: GateInput) => boolean | string | null | undefined;

export interface LowConfidenceOptions {
  /**
   * Fires when the composite score is below this floor. An unscored verdict (composite null) does
   * not fire: that is an outage, and the approval path already sends it to a human.
   * @default 0.5
   */
  floor?: number;
}

export interface RepeatedFailureOptions {
  /** Fires when this many verdicts in a row on the thread failed, the current one included. @default 3 */
  count?: number;
}

export interface LoopOptions {
  /** Fires when the same step produces the same output this many times. @default 3 */
  repeats?: number;
  /** Count only repeats in a row; otherwise repeats anywhere on the step board count. @default false */
  consecutiveOnly?: boolean;
  /** Also fire on the trajectory judge's loop flag. @default true */
  judgeFlag?: boolean;
}

export interface AmbiguityOptions {
  /** Fire on any level judge's ambiguity flag. @default true */
  judgeFlag?: boolean;
  /** The host's ambiguity flag. @default none */
  isAmbiguous?: HostPredicate;
}

export interface SensitiveOptions {
  /** Built-in lists to match in the draft, the goal and the evidence. @default all categories */
  categories?: SensitiveCategory[];
  /** Extra phrases (matched like the built-in lists, reported as host-listed). @default [] */
  phrases?: string[];
  /** The host's sensitivity signal, e.g. a high-value account or a refund above a limit. @default none */
  isSensitive?: HostPredicate;
}

/**
 * Which escalation triggers run and how (DESIGN §7). Each key takes its options, or `false` to
 * switch that trigger off; an absent key runs the trigger with its defaults.
 */
export interface EscalationTriggerOptions {
  /** `low_confidence`. @default { floor: 0.5 } */
  lowConfidence?: LowConfidenceOptions | false;
  /** `repeated_failure`. @default { count: 3 } */
  repeatedFailure?: RepeatedFailureOptions | false;
  /** `loop`. @default { repeats: 3, consecutiveOnly: false, judgeFlag: true } */
  loop?: LoopOptions | false;
  /** `ambiguity`. @default { judgeFlag: true } */
  ambiguity?: AmbiguityOptions | false;
  /** `sensitive`. @default every built-in category */
  sensitive?: SensitiveOptions | false;
}

/** The options with every default filled in; `null` is a trigger switched off. */
export interface TriggerConfig {
  lowConfidence: Required<LowConfidenceOptions> | null;
  repeatedFailure: Required<RepeatedFailureOptions> | null;
  loop: Required<LoopOptions> | null;
  ambiguity: { judgeFlag: boolean; isAmbiguous: HostPredicate | null } | null;
  sensitive: { categories: SensitiveCategory[]; phrases: string[]; isSensitive: HostPredicate | null } | null;
}

const predicate = z.custom<HostPredicate>((value) => typeof value === "function");
const count = z.number().int().min(2).max(1000);

const schema = z
  .object({
    lowConfidence: z.union([z.literal(false), z.object({ floor: z.number().gt(0).max(1).optional() }).strict()]),
    repeatedFailure: z.union([z.literal(false), z.object({ count: count.optional() }).strict()]),
    loop: z.union([
      z.literal(false),
      z.object({ repeats: count.optional(), consecutiveOnly: z.boolean().optional(), judgeFlag: z.boolean().optional() }).strict(),
    ]),
    ambiguity: z.union([
      z.literal(false),
      z.object({ judgeFlag: z.boolean().optional(), isAmbiguous: predicate.optional() }).strict(),
    ]),
    sensitive: z.union([
      z.literal(false),
      z
        .object({
          categories: z.array(z.enum(SENSITIVE_CATEGORIES)).optional(),
          phrases: z.array(z.string().trim().min(1)).optional(),
          isSensitive: predicate.optional(),
        })
        .strict(),
    ]),
  })
  .partial()
  .strict();

const EXPECTED: Record<string, string> = {
  lowConfidence: "false or { floor?: number in (0, 1] }",
  repeatedFailure: "false or { count?: integer in [2, 1000] }",
  loop: "false or { repeats?: integer in [2, 1000], consecutiveOnly?: boolean, judgeFlag?: boolean }",
  ambiguity: "false or { judgeFlag?: boolean, isAmbiguous?: (input) => boolean | string }",
  sensitive: `false or { categories?: array of ${SENSITIVE_CATEGORIES.join(" | ")}, phrases?: non-empty strings, isSensitive?: (input) => boolean | string }`,
};

/**
 * Validates trigger options and fills in the defaults.
 * @throws GateConfigError naming the bad option (e.g. `escalation.lowConfidence`) and what is valid.
 */
export function resolveTriggerOptions(options: EscalationTriggerOptions = {}, path = "escalation"): TriggerConfig {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0];
    if (typeof key === "string" && key in EXPECTED) {
      throw new GateConfigError(`${path}.${key}`, (options as Record<string, unknown>)[key], EXPECTED[key] ?? "", { cause: parsed.error });
    }
    const unknownKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    throw new GateConfigError(
      unknownKey ? `${path}.${unknownKey}` : path,
      unknownKey ? (options as Record<string, unknown>)[unknownKey] : options,
      `an object with some of: ${Object.keys(EXPECTED).join(", ")}`,
      { cause: parsed.error },
    );
  }
  const o = parsed.data;
  const on = <T extends object>(value: T | false | undefined): T | null => (value === false ? null : (value ?? ({} as T)));
  const lowConfidence = on(o.lowConfidence);
  const repeatedFailure = on(o.repeatedFailure);
  const loop = on(o.loop);
  const ambiguity = on(o.ambiguity);
  const sensitive = on(o.sensitive);
  return {
    lowConfidence: lowConfidence && { floor: lowConfidence.floor ?? 0.5 },
    repeatedFailure: repeatedFailure && { count: repeatedFailure.count ?? 3 },
    loop: loop && {
      repeats: loop.repeats ?? 3,
      consecutiveOnly: loop.consecutiveOnly ?? false,
      judgeFlag: loop.judgeFlag ?? true,
    },
    ambiguity: ambiguity && { judgeFlag: ambiguity.judgeFlag ?? true, isAmbiguous: ambiguity.isAmbiguous ?? null },
    sensitive: sensitive && {
      categories: sensitive.categories ?? [...SENSITIVE_CATEGORIES],
      phrases: sensitive.phrases ?? [],
      isSensitive: sensitive.isSensitive ?? null,
    },
  };
}
