import { parseArgs } from "node:util";
import { LEVEL_ROLES, parseAutonomyLevel } from "../../competence/levels.js";
import { CliUsageError, type CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

/** `autonomy-gate ceiling`: show or set a scope's autonomy ceiling (below L4, auto is refused even when forced). */
export const ceilingCommand: CliCommand = {
  name: "ceiling",
  summary: "Show or set a scope's autonomy ceiling (L1–L5 or none); below L4 auto is refused even when forced",
  usage: "autonomy-gate ceiling <scope> [L1|L2|L3|L4|L5|none] [--actor WHO] [--db URL]",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { db: { type: "string" }, actor: { type: "string", default: "cli" } },
      allowPositionals: true,
      strict: true,
    });
    const [scope, level] = positionals;
    if (!scope || positionals.length > 2) {
      throw new CliUsageError(`Expected a scope and optionally a level, got: ${positionals.join(" ") || "nothing"}`);
    }
    if (level === undefined) {
      const ceiling = await withStore(values.db, io, (store) => store.getCeiling(scope));
      io.stdout(
        ceiling === null ? `Scope ${scope} has no ceiling (up to L5).\n` : `Scope ${scope} is capped at ${ceiling} (${LEVEL_ROLES[ceiling]}).\n`,
      );
      return 0;
    }
    const ceiling = level.toLowerCase() === "none" ? null : parseAutonomyLevel(level);
    const state = await withStore(values.db, io, (store) => store.setCeiling(scope, ceiling, values.actor));
    io.stdout(
      ceiling === null
        ? `Scope ${scope}: ceiling removed (mode ${state.mode}).\n`
        : `Scope ${scope} is capped at ${ceiling} (${LEVEL_ROLES[ceiling]}); mode ${state.mode}.\n`,
    );
    return 0;
  },
};
