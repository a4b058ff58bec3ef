/**
 * Timing and scratch-space helpers: warm-up then measured iterations on the monotonic clock, and
 * a temporary folder per run so each figure starts from a fresh database on the same disk.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

/** Milliseconds one call of `fn` takes. */
export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export interface SampleOptions {
  /** Unmeasured calls first (JIT, connection, prepared statements). */
  warmup: number;
  /** Measured calls. */
  iterations: number;
  /** Stop early once the measured calls took this long in total (at least 5 are kept). @default Infinity */
  budgetMs?: number;
}

/** Runs `fn(i)` `warmup` times unmeasured, then measured; returns the durations in milliseconds. */
export async function sample(fn: (i: number) => Promise<unknown>, options: SampleOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await fn(-1 - i);
  const budget = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const durations: number[] = [];
  let spent = 0;
  for (let i = 0; i < options.iterations; i++) {
    const started = performance.now();
    await fn(i);
    const took = performance.now() - started;
    durations.push(took);
    spent += took;
    if (spent >= budget && durations.length >= 5) break;
  }
  return durations;
}

/** A fresh temporary folder and its removal. */
export function makeTmpDir(prefix = "autonomy-gate-bench-"): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A `file:` URL for a database named `name` inside `dir`. */
export function fileUrl(dir: string, name: string): string {
  return `file:${join(dir, name)}`;
}

/** `n` formatted with a fixed number of decimals, or "n/a" when it is not a finite number. */
export function fmt(n: number, decimals = 2): string {
  return Number.isFinite(n) ? n.toFixed(decimals) : "n/a";
}

/** Milliseconds, with precision that suits the magnitude. */
export function ms(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  if (n < 1) return `${n.toFixed(3)} ms`;
  if (n < 100) return `${n.toFixed(2)} ms`;
  return `${n.toFixed(0)} ms`;
}

/** A whole count with thousands separators. */
export function count(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "n/a";
}
