/**
 * Figure — injection tripwire: detection on the project's corpus per placement (draft, args,
 * evidence value, evidence key, step output, step name, goal), false hard violations on the
 * honest messages in every placement, the p50 time the tripwire adds to a typical 2 KB draft,
 * and its growth up to a 1 MB draft.
 */
import { injectionGuardrail } from "../../src/evaluation/guardrails/injection.js";
import type { BenchConfig, FigureResult } from "../figure.js";
import { count, fmt, ms } from "../harness.js";
import { AREA_OF, LEGITIMATE, PAYLOADS, PLACEMENTS, contextWith, encodePayload } from "../injection-corpus.js";
import { median, percentile, ratio } from "../stats.js";

const SENTENCES = [
  "Thanks for taking the time to talk last week about onboarding at Acme.",
  "Teams like yours usually cut the time a new operator needs to be productive by about a third.",
  "Our refund policy is simple: if it is not a fit within 30 days, we return the full amount.",
  "Would Tuesday or Wednesday afternoon work for a twenty-minute follow-up call?",
  "I have attached the case study from Northwind; page 3 has the numbers you asked about.",
];

/** Ordinary business prose of exactly `chars` characters. */
function prose(chars: number): string {
  let text = "";
  for (let i = 0; text.length < chars; i++) text += `${SENTENCES[i % SENTENCES.length]}${i % 4 === 3 ? "\n\n" : " "}`;
  return text.slice(0, chars);
}

function timeScan(text: string): number {
  const ctx = contextWith("Best, Sam", "draft");
  ctx.draft = { text, args: { subject: "Following up" } };
  const started = performance.now();
  injectionGuardrail(ctx);
  return performance.now() - started;
}

const flaggedIn = (text: string, placement: (typeof PLACEMENTS)[number]) =>
  injectionGuardrail(contextWith(text, placement)).some((v) => v.severity === "hard" && v.detail?.startsWith(`prompt-injection markers in the ${AREA_OF[placement]} `));

export async function injectionTripwire(config: BenchConfig): Promise<FigureResult> {
  const detection = PLACEMENTS.map((placement) => {
    const flagged = PAYLOADS.filter((p) => flaggedIn(encodePayload(p.text, p.obfuscation), placement)).length;
    return { placement, flagged, rate: flagged / PAYLOADS.length };
  });
  const falseHard = PLACEMENTS.reduce((n, placement) => n + LEGITIMATE.filter((m) => injectionGuardrail(contextWith(m.text, placement)).length > 0).length, 0);
  config.log(`injection: detection ${detection.map((d) => `${d.placement} ${d.flagged}/${PAYLOADS.length}`).join(", ")}; ${falseHard} false hard`);

  const iterations = config.quick ? 300 : 3000;
  const twoKb = prose(2048);
  for (let i = 0; i < 200; i++) timeScan(twoKb);
  const small = Array.from({ length: iterations }, () => timeScan(twoKb));
  const p50 = percentile(small, 50);

  const sizes = config.quick ? [256 * 1024, 1024 * 1024] : [128 * 1024, 256 * 1024, 512 * 1024, 1024 * 1024];
  const repeats = config.quick ? 2 : 5;
  const big = sizes.map((size) => {
    const text = prose(size);
    timeScan(text);
    return { size, ms: median(Array.from({ length: repeats }, () => timeScan(text))) };
  });
  const quarter = big.find((b) => b.size === 256 * 1024)!;
  const mb = big.find((b) => b.size === 1024 * 1024)!;
  const growth = ratio(mb.ms, quarter.ms);
  config.log(`injection: 2 KB p50 ${ms(p50)}; ${big.map((b) => `${b.size / 1024} KB ${ms(b.ms)}`).join(", ")}`);

  const minRate = Math.min(...detection.map((d) => d.rate));
  const honestChecks = LEGITIMATE.length * PLACEMENTS.length;
  return {
    id: "injection",
    title: `Injection tripwire: ${count(PAYLOADS.length)} payloads in 7 placements, ${count(LEGITIMATE.length)} honest messages`,
    method:
      `The project's corpus (bench/corpus/: ${PAYLOADS.length} payloads across the marker families, 11 languages and 13 obfuscations — ` +
      `tag characters, base64, hex, URL and entity encoding, hyphen/dot/space spelling, look-alikes, zero-width, full-width, bidi, leet — ` +
      `and ${LEGITIMATE.length} honest business emails, support replies and refund notes that use the trigger words), each planted in ` +
      "an ordinary run at each placement and checked with the outcome guardrail `prompt_injection_marker`. A payload counts as " +
      "detected when a hard violation names the part of the input it sits in. Time: the guardrail alone (all it adds to a verdict) on " +
      `a 2,048-character business draft, ${count(iterations)} runs after 200 warm-up runs; and on ordinary prose of ` +
      `${sizes.map((s) => `${s / 1024} KB`).join(", ")}, median of ${repeats} runs each.` +
      (config.quick ? " `--quick`: 300 small runs, two sizes, two repeats." : "") +
      " Reproduce: `npm run bench -- --only injection`.",
    headers: ["measure", "result", "target"],
    rows: [
      ...detection.map((d) => [`flagged: ${d.placement}`, `${d.flagged}/${PAYLOADS.length} (${fmt(d.rate * 100, 1)}%)`, "≥ 97%"]),
      [`false hard violations, ${count(LEGITIMATE.length)} honest messages × ${PLACEMENTS.length} placements`, `${falseHard} of ${count(honestChecks)}`, "≤ 1"],
      ["p50 added time, 2 KB draft", ms(p50), "≤ 1 ms"],
      ...big.map((b) => [`${b.size / 1024} KB draft`, `${ms(b.ms)} (${fmt((b.ms / b.size) * 1024 * 1000, 1)} µs/KB)`, "linear"]),
      ["1 MB / 256 KB time", `${fmt(growth)}×`, "≈ 4× (linear)"],
    ],
    notes: [
      "Detection on a corpus the lists were tuned against overstates detection on new attacks: the tripwire is a deterministic list, " +
        "not a proof. The fenced judge and the earned flip to auto mode are the defence; see the README section on the injection guardrail.",
      "The guardrail is linear in input size: every step (normalization, decoding, the word gate, anchored marker attempts) is one " +
        "pass over the text, and decoding is bounded in runs and characters.",
    ],
    slower: [],
    headline: `${fmt(minRate * 100, 1)}% or more flagged in every placement, ${falseHard} false hard of ${count(honestChecks)}, +${ms(p50)} p50 on 2 KB, 1 MB in ${ms(mb.ms)}`,
  };
}
