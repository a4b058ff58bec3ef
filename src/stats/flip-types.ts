/**
 * What the flip is decided on: the policy (its criterion, guard rails and breaker) and the 2×2
 * agreement counts of one body of evidence. The store persists both; the rules here read them.
 */

/**
 * The flip criterion and the guard rails around auto mode for one scope (DESIGN §5).
 * `default` is the source's rule; `strict` adds the Wilson lower bound and Cohen's κ; `sequential`
 * promotes on anytime-valid tests (valid however often eligibility is checked), bounds rejected
 * passes as a rate, and trips its breaker on change detectors with a stated false-alarm rate.
 */
export interface FlipPolicy {
  /** @default "default" */
  preset: "default" | "strict" | "sequential";
  /** Minimum decided verdicts on the current evidence. @default 50 (sequential: 20) */
  minDecided: number;
  /**
   * Minimum point-estimate agreement; for the sequential preset, the null hypothesis of its
   * agreement test (a gate at or below it flips with probability ≤ `alpha`). @default 0.8
   */
  minAgreement: number;
  /** Default and strict presets: maximum rejected passes tolerated in the epoch. @default 0 */
  maxRejectedPasses: number;
  /** Strict preset only: minimum Wilson 95% lower bound of agreement. @default 0.8 */
  minWilsonLower: number;
  /** Strict preset only: minimum Cohen's κ. @default 0.6 */
  minKappa: number;
  /** Sequential: the false-flip level, split across restarts of the evidence count. @default 0.01 */
  alpha: number;
  /** Sequential: the agreement its agreement test is powered for (alternative hypothesis). @default 0.95 */
  targetAgreement: number;
  /** Sequential: null hypothesis of the pass-precision test (approve rate among decided passes). @default 0.7 */
  minPassPrecision: number;
  /** Sequential: the pass precision its pass test is powered for. @default 0.95 */
  targetPassPrecision: number;
  /**
   * Sequential: highest rejected-pass rate among decided passes: a rejected pass blocks promotion
   * until ⌈1/rate⌉ clean decided passes have followed it. @default 0.02
   */
  maxRejectedPassRate: number;
  /** Share of auto-eligible drafts still sent to the human, drawn from the draft hash. @default 0.05 */
  auditRate: number;
  /** Share of shadow-mode interrupts shown without verdict, score or rationale (blind reviews). @default 0.2 */
  blindRate: number;
  /** New agreeing decisions needed before auto when a scope returns to earlier evidence. @default 10 */
  revivalConfirmations: number;
  /** Swing-back: `window` (default, strict) or `cusum` (sequential). @default "window" */
  breaker: "window" | "cusum";
  /** Swing-back: how many of the latest decided auto-mode verdicts are watched. @default 50 (sequential: 2000) */
  swingBackWindow: number;
  /** Window breaker: decided verdicts needed in the window before agreement can trip it. @default 10 */
  swingBackMinSamples: number;
  /** Window breaker: agreement below this over the window trips the breaker. @default 0.8 */
  swingBackMinAgreement: number;
  /** CUSUM breaker: the in-control agreement (a gate at it rarely trips). @default 0.9 */
  breakerAgreement: number;
  /** CUSUM breaker: the agreement its agreement detector is tuned to catch. @default 0.7 */
  breakerDriftAgreement: number;
  /** CUSUM breaker: the in-control pass precision. @default 0.9 */
  breakerPassPrecision: number;
  /** CUSUM breaker: the pass precision its pass detector is tuned to catch. @default 0.6 */
  breakerDriftPassPrecision: number;
  /** CUSUM breaker: chance that a gate at the in-control levels trips within `breakerHorizon`. @default 0.04 */
  breakerFalseTripRate: number;
  /** CUSUM breaker: observations per detector the false-trip rate is stated over. @default 1000 */
  breakerHorizon: number;
  /** CUSUM breaker: every rejected pass trips at once (otherwise only ones marked severe). @default false */
  breakerTripOnRejectedPass: boolean;
}

/**
 * Decided-verdict counts on one body of evidence: a 2×2 table of gate (pass/fail) against the
 * human (approve / edit / reject). Skips count nowhere.
 */
export interface AgreementCounts {
  passApprove: number;
  passEdit: number;
  passReject: number;
  failApprove: number;
  failEdit: number;
  failReject: number;
  /**
   * Decided passes counted right after the latest rejected pass (present once there was one), so
   * the sequential rule knows how many clean passes followed it.
   */
  passesAtLastReject?: number;
}
