/** What a CLI command may touch: its streams and environment, passed in so tests can capture them. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stdout is an interactive terminal (progress bars) — false under CI=true. */
  isTTY: boolean;
  cwd: string;
  /** The terminal's width in columns, when stdout is one. */
  columns?: number;
}

/** A subcommand of `autonomy-gate`. `run` resolves to the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY) && process.env.CI !== "true",
    cwd: process.cwd(),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  };
}
