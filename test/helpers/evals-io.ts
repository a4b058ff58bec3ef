import type { CliIo } from "../../src/cli/io.js";

/** A CliIo that records what a command writes, for in-process CLI tests. */
export function captureIo(options: { isTTY?: boolean; env?: Record<string, string | undefined>; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
