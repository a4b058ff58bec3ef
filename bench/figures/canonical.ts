/**
 * Figure — canonicalization cost vs input size: `canonicalInput` (the one view every consumer of
 * the gate reads) over evidence of 1 KB … 1 MB and over a 10,000-node object graph. Linear means
 * the cost per KB stays flat as the input grows.
 */
import { canonicalInput } from "../../src/input/canonical.js";
import type { BenchConfig, FigureResult } from "../figure.js";
import { fmt, ms } from "../harness.js";
import { median } from "../stats.js";

/** Evidence of about `bytes` characters: records of a few short fields, like CRM rows. */
function evidenceOf(bytes: number): Record<string, unknown> {
  const rows: Array<Record<string, unknown>> = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = { id: i, name: `Customer ${i}`, note: "Asked about the annual plan and the invoice dates.", amount: 84.5 + i };
    size += JSON.stringify(row).length;
    rows.push(row);
  }
  return { rows };
}

/** An object graph of `nodes` objects: a balanced tree with a shared (non-cyclic) leaf. */
function graphOf(nodes: number): Record<string, unknown> {
  const shared = { kind: "shared leaf" };
  const all: Array<Record<string, unknown>> = [{ shared }];
  for (let i = 1; i < nodes; i++) {
    const node: Record<string, unknown> = { i, shared: i % 97 === 0 ? shared : null };
    (all[(i - 1) >> 2] as Record<string, unknown>)[`c${i}`] = node;
    all.push(node);
  }
  return all[0] as Record<string, unknown>;
}

function timeIt(input: unknown, reps: number): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    canonicalInput(input);
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function canonicalCost(config: BenchConfig): Promise<FigureResult> {
  const reps = config.quick ? 5 : 21;
  const sizes = [1_000, 10_000, 100_000, 1_000_000];
  const base = { goal: "Answer the customer", steps: [{ name: "lookup", output: "found" }], draft: { text: "Hello", args: { to: "a@b.example" } } };
  const rows: string[][] = [];
  const perKb: number[] = [];
  for (const bytes of sizes) {
    const input = { ...base, evidence: evidenceOf(bytes) };
    timeIt(input, 2); // warm-up
    const t = timeIt(input, reps);
    const kb = JSON.stringify(input).length / 1000;
    perKb.push(t / kb);
    rows.push([`evidence ≈ ${kb >= 1000 ? `${fmt(kb / 1000)} MB` : `${fmt(kb, 0)} KB`}`, ms(t), `${fmt((t / kb) * 1000, 1)} µs`]);
    config.log(`canonical: ${bytes} bytes → ${ms(t)}`);
  }
  const graph = { ...base, evidence: graphOf(10_000) };
  timeIt(graph, 2);
  const tg = timeIt(graph, reps);
  const graphKb = JSON.stringify(graph).length / 1000;
  rows.push([`10,000-node object graph (${fmt(graphKb, 0)} KB)`, ms(tg), `${fmt((tg / graphKb) * 1000, 1)} µs`]);
  const spread = Math.max(...perKb.slice(1)) / Math.min(...perKb.slice(1));
  return {
    id: "canonical",
    title: "Canonical view: cost vs input size",
    method:
      "`canonicalInput` over an input whose evidence is ~1 KB, 10 KB, 100 KB and 1 MB of CRM-like rows, and over a 10,000-node " +
      `object graph (a tree with a shared leaf). Median of ${reps} runs after warm-up, in one process.` +
      (config.quick ? " `--quick`: 5 runs." : ""),
    headers: ["input", "median", "per KB"],
    rows,
    notes: [
      `Cost per KB from 10 KB to 1 MB varies by ${fmt(spread)}× (1.00× is perfectly linear); the 1 KB row is dominated by fixed costs.`,
    ],
    slower: [],
    headline: `${ms(tg)} for a 10,000-node graph; per-KB cost within ${fmt(spread)}× from 10 KB to 1 MB (linear)`,
  };
}
