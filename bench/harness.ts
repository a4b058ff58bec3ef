/**
 * Timing and scratch-space helpers: warm-up then measured iterations on the monotonic clock, and
 * a temporary folder per run so each figure starts from a fresh database on the same disk.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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

/** The machine's CPU time so far (all cores), busy and total, in clock ticks, from /proc/stat; null where there is none. */
export function cpuTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** The share of the machine's CPU (all cores) that was busy between two `cpuTicks()` readings. */
export function busyShare(from: ReturnType<typeof cpuTicks>, to: ReturnType<typeof cpuTicks>): number {
  if (from === null || to === null || to.total === from.total) return Number.NaN;
  return (to.busy - from.busy) / (to.total - from.total);
}
