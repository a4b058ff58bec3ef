/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Cases to run. */
  total: number;
  /** Where progress goes (the CLI's stdout). */
  write: (text: string) => void;
  /** Whether the output is an interactive terminal. */
  isTTY: boolean;
  /** The environment; `CI=true` forces line output even on a terminal. */
  env: Record<string, string | undefined>;
  /**
   * Width of the bar in characters.
   * @default 30
   */
  width?: number;
}

export interface Progress {
  /** Reports one finished case; `done` counts finished cases including this one. */
  update(caseId: string, ok: boolean, done: number): void;
  /** Ends the progress output (moves off the bar line). */
  finish(): void;
}

/**
 * A bar redrawn in place with `\r` on an interactive terminal; otherwise (pipes, CI logs) one
 * `[i/n] case-id ok|FAIL` line per case, which stays readable when interleaved and archived.
 */
export function createProgress(options: ProgressOptions): Progress {
  const interactive = options.isTTY && options.env.CI !== "true";
  const width = options.width ?? 30;
  const total = options.total;
  let failed = 0;
  let lastLength = 0;
  let drawn = false;

  return {
    update(caseId, ok, done) {
      if (!ok) failed += 1;
      if (!interactive) {
        options.write(`[${done}/${total}] ${caseId} ${ok ? "ok" : "FAIL"}\n`);
        return;
      }
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const percent = total === 0 ? 100 : Math.round((done / total) * 100);
      const line = `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total} ${String(percent).padStart(3)}%${failed > 0 ? ` ${failed} failed` : ""} ${shorten(caseId)}`;
      // Pad over the tail of a longer previous line, since \r does not clear it.
      options.write(`\r${line.padEnd(lastLength)}`);
      lastLength = line.length;
      drawn = true;
    },
    finish() {
      if (interactive && drawn) options.write("\n");
    },
  };
}

/** Keeps the bar on one terminal line: a wrapped line cannot be redrawn with \r. */
function shorten(caseId: string): string {
  return caseId.length > 48 ? `...${caseId.slice(-45)}` : caseId;
}
