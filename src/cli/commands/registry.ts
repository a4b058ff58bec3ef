import type { CliCommand } from "../io.js";
import { auditCommand } from "./audit.js";
import { ceilingCommand } from "./ceiling.js";
import { certifyCommand } from "./certify.js";
import { consoleCommand } from "./console.js";
import { decideCommand } from "./decide.js";
import { escalationsCommand } from "./escalations.js";
import { evalCommand } from "./eval.js";
import { killCommand } from "./kill.js";
import { migrateCommand } from "./migrate.js";
import { modeCommand } from "./mode.js";
import { verdictsCommand } from "./post-hoc.js";
import { reportCommand } from "./report.js";
import { statusCommand } from "./status.js";
import { tuneCommand } from "./tune.js";

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  migrateCommand,
  statusCommand,
  modeCommand,
  ceilingCommand,
  killCommand,
  decideCommand,
  verdictsCommand,
  escalationsCommand,
  auditCommand,
  evalCommand,
  certifyCommand,
  tuneCommand,
  reportCommand,
  consoleCommand,
];
