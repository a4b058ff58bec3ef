/**
 * Seed 000's stages of autonomy scaling, by autonomy rate (the share of drafts that go out without
 * a human): below 20% manual, then pairing (20–40%), checkpoints (40–60%), delegation with audit
 * (60–80%) and autonomous (80%+).
 */
export const AUTONOMY_RATE_BANDS = ["manual", "pairing", "checkpoints", "delegation", "autonomous"] as const;
export type AutonomyRateBand = (typeof AUTONOMY_RATE_BANDS)[number];

/** How each band reads in a table: its range. */
export const AUTONOMY_RATE_RANGES: Readonly<Record<AutonomyRateBand, string>> = Object.freeze({
  manual: "<20%",
  pairing: "20–40%",
  checkpoints: "40–60%",
  delegation: "60–80%",
  autonomous: "80%+",
});

/** The band of an autonomy rate in [0, 1]; null when the rate is unknown (no verdicts). */
export function autonomyRateBand(rate: number | null): AutonomyRateBand | null {
  if (rate === null) return null;
  if (rate < 0.2) return "manual";
  if (rate < 0.4) return "pairing";
  if (rate < 0.6) return "checkpoints";
  return rate < 0.8 ? "delegation" : "autonomous";
}
