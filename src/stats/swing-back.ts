import type { FlipPolicy } from "./flip-types.js";
import type { DecisionType } from "../types.js";
import { summarize, tally } from "./agreement.js";

export interface SwingBackCheck {
  /** True when the breaker must open: the scope returns to shadow and must re-earn. */
  trip: boolean;
  /** Why it trips, with the numbers (absent when it does not). */
  reason?: string;
  /** Decided verdicts in the window. */
  n: number;
  /** Agreement over the window; null when it holds no decided verdict. */
  agreement: number | null;
}

/**
 * The swing-back breaker (DESIGN §5). `recent` lists the latest auto-mode verdicts with their
 * decisions, newest first. Skips are dropped first, then the window is the newest
 * `swingBackWindow` decided ones. Any rejected pass in the window trips at once; otherwise
 * agreement below `swingBackMinAgreement` trips once the window holds `swingBackMinSamples`.
 * Promotion needs the full flip criterion but demotion a point estimate over a short window: the
 * hysteresis RESEARCH.md recommends, biased towards the human.
 */
export function checkSwingBack(
  recent: ReadonlyArray<{ passed: boolean; decision: DecisionType }>,
  policy: Pick<FlipPolicy, "swingBackWindow" | "swingBackMinSamples" | "swingBackMinAgreement">,
): SwingBackCheck {
  const window = recent.filter((entry) => entry.decision !== "skip").slice(0, policy.swingBackWindow);
  const { n, agree, agreement, rejectedPasses } = summarize(tally(window));
  const where = `in the latest ${n} decided auto-mode verdict${n === 1 ? "" : "s"}`;
  if (rejectedPasses > 0) {
    return { trip: true, reason: `${rejectedPasses} rejected pass${rejectedPasses === 1 ? "" : "es"} ${where}`, n, agreement };
  }
  if (agreement !== null && n >= policy.swingBackMinSamples && agreement < policy.swingBackMinAgreement) {
    const shown = `${agreement.toFixed(2)} (${agree}/${n})`;
    return { trip: true, reason: `agreement ${shown} ${where}, below ${policy.swingBackMinAgreement.toFixed(2)}`, n, agreement };
  }
  return { trip: false, n, agreement };
}
