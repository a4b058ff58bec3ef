import { AutonomyGateError, OperationRefusedError, StoreUnavailableError } from "../errors.js";
import { describeDbError } from "../store/describe-error.js";
import { PACKAGE_VERSION } from "../version.js";
import { CliUsageError, type CliCommand, type CliIo } from "./io.js";
import { COMMANDS } from "./commands/registry.js";

/** Runs one CLI invocation and resolves to its exit code (0 ok, 1 failed check, 2 bad input). */
export async function runCli(argv: string[], io: CliIo, commands: CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(", ")}.\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error: unknown) {
    if (error instanceof CliUsageError || isParseArgsError(error)) {
      io.stderr(`${(error as Error).message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    // A refused act (a decision that would overwrite one whose action ran) is a failed check, like a refused mode switch.
    if (error instanceof StoreUnavailableError || error instanceof OperationRefusedError) {
      io.stderr(`autonomy-gate ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof AutonomyGateError) {
      io.stderr(`${error.name}: ${error.message}\n`);
      return 2;
    }
    // A database error is one readable line (`SQLITE_READONLY: attempt to write a readonly database`), never a stack or SQL.
    io.stderr(`autonomy-gate ${name} failed: ${describeDbError(error).text}\n`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `autonomy-gate <command> [options]   (autonomy-gate --version prints the version)\n\nCommands:\n${lines.join("\n")}\n\nEvery command takes --db URL (default: $AUTONOMY_GATE_DB, else file:autonomy-gate.db): a file: or libSQL URL, or postgres://… (tables in $AUTONOMY_GATE_DB_SCHEMA when set).\n`;
}
