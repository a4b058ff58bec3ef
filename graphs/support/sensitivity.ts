import type { HostPredicate } from "../../src/escalation/trigger-options.js";

/** Options of {@link supportSensitivity}. */
export interface SupportSensitivityOptions {
  /** A refund above this amount is sensitive. @default 200 */
  refundLimit?: number;
  /** Account tiers that are high-value. @default ["enterprise"] */
  highValueTiers?: string[];
}

/**
 * The support graph's host predicate for the `sensitive` trigger: a refund above the limit, or a
 * high-value account. It reads what the graph's `select` puts in the gate input — the refund in the
 * draft args, the account in the evidence — and answers with a reason in words.
 */
export function supportSensitivity(options: SupportSensitivityOptions = {}): HostPredicate {
  const limit = options.refundLimit ?? 200;
  const tiers = options.highValueTiers ?? ["enterprise"];
  return (input) => {
    const draft = typeof input.draft === "string" ? { text: input.draft } : input.draft;
    const amount = (draft.args?.refund as { amount?: unknown } | undefined)?.amount;
    const reasons: string[] = [];
    if (typeof amount === "number" && amount > limit) reasons.push(`refund of ${amount} is above the ${limit} limit`);
    const evidence = input.evidence as { account?: { tier?: unknown } } | undefined;
    const tier = evidence?.account?.tier;
    if (typeof tier === "string" && tiers.includes(tier)) reasons.push(`high-value account (${tier})`);
    return reasons.length > 0 ? reasons.join("; ") : false;
  };
}
