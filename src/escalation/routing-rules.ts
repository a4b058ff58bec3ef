import { z } from "zod";
import { GateConfigError } from "../errors.js";
import { ESCALATION_CODES, type EscalationCode } from "./codes.js";

export const ESCALATION_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type EscalationPriority = (typeof ESCALATION_PRIORITIES)[number];

/**
 * One routing rule. It matches when any of `codes` fired (if given) and the scope matches `scope`
 * (if given); at least one of the two is required.
 */
export interface EscalationRule {
  /** Trigger codes this rule takes (any one of them). @default any code */
  codes?: EscalationCode[];
  /** Scope pattern: exact, or with `*` wildcards (`support:*`). @default any scope */
  scope?: string;
  /** The human queue that takes ownership. */
  queue: string;
  /** @default "normal" */
  priority?: EscalationPriority;
}

/** Options of {@link createEscalationRouter}. */
export interface EscalationRoutingOptions {
  /** Tried in order; the first match wins. @default [] */
  rules?: EscalationRule[];
  /** Queue when no rule matches. @default "escalations" */
  defaultQueue?: string;
  /** Priority when no rule matches. @default "normal" */
  defaultPriority?: EscalationPriority;
}

export interface EscalationRoute {
  queue: string;
  priority: EscalationPriority;
  /** Index of the rule that matched, or null for the default queue. */
  rule: number | null;
}

const ruleSchema = z
  .object({
    codes: z.array(z.enum(ESCALATION_CODES)).min(1).optional(),
    scope: z.string().min(1).optional(),
    queue: z.string().trim().min(1),
    priority: z.enum(ESCALATION_PRIORITIES).optional(),
  })
  .strict()
  .refine((rule) => rule.codes !== undefined || rule.scope !== undefined, { message: "a rule needs codes or scope" });

const RULE_EXPECTED =
  `{ codes?: non-empty array of ${ESCALATION_CODES.join(" | ")}, scope?: pattern, queue: non-empty string, ` +
  `priority?: ${ESCALATION_PRIORITIES.join(" | ")} } with codes or scope`;

/**
 * The router from fired trigger codes and scope to a queue and priority: ordered rules, first
 * match, then the default queue. Validated here, once.
 * @throws GateConfigError naming the bad rule (`routing.rules[2]`) or option.
 */
export function createEscalationRouter(options: EscalationRoutingOptions = {}, path = "routing") {
  const rules = options.rules ?? [];
  if (!Array.isArray(rules)) throw new GateConfigError(`${path}.rules`, rules, `an array of ${RULE_EXPECTED}`);
  const checked = rules.map((rule, i) => {
    const parsed = ruleSchema.safeParse(rule);
    if (!parsed.success) throw new GateConfigError(`${path}.rules[${i}]`, rule, RULE_EXPECTED, { cause: parsed.error });
    return { ...parsed.data, pattern: parsed.data.scope === undefined ? null : scopePattern(parsed.data.scope) };
  });
  const defaultQueue = options.defaultQueue ?? "escalations";
  if (typeof defaultQueue !== "string" || defaultQueue.trim() === "") {
    throw new GateConfigError(`${path}.defaultQueue`, defaultQueue, "a non-empty string");
  }
  const defaultPriority = options.defaultPriority ?? "normal";
  if (!(ESCALATION_PRIORITIES as readonly string[]).includes(defaultPriority)) {
    throw new GateConfigError(`${path}.defaultPriority`, defaultPriority, ESCALATION_PRIORITIES.join(", "));
  }

  return (codes: readonly string[], scope: string): EscalationRoute => {
    const index = checked.findIndex(
      (rule) =>
        (rule.codes === undefined || rule.codes.some((code) => codes.includes(code))) &&
        (rule.pattern === null || rule.pattern.test(scope)),
    );
    const rule = checked[index];
    if (rule === undefined) return { queue: defaultQueue, priority: defaultPriority, rule: null };
    return { queue: rule.queue, priority: rule.priority ?? "normal", rule: index };
  };
}

/** The router `createEscalationRouter` returns. */
export type EscalationRouter = ReturnType<typeof createEscalationRouter>;

function scopePattern(glob: string): RegExp {
  const body = glob
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}
