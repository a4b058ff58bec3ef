// The CLI entry point: the only place in src/ that reads the process environment.
import { processIo } from "./io.js";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), processIo());
// A database call abandoned at its deadline (a hung server) may still hold a socket open: do not
// let it keep the process alive past the answer already given.
setTimeout(() => process.exit(), 200).unref();
