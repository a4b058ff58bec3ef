import { parseArgs } from "node:util";
import { switchMode } from "../../decisions/modes.js";
import { OperationRefusedError } from "../../errors.js";
import { CliUsageError, type CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

export const modeCommand: CliCommand = {
  name: "mode",
  summary: "Switch a scope to shadow or auto (auto is refused while not eligible unless --force)",
  usage: "autonomy-gate mode <scope> shadow|auto [--force --reason TEXT] [--db URL]",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        force: { type: "boolean", default: false },
        reason: { type: "string" },
        actor: { type: "string", default: "cli" },
      },
      allowPositionals: true,
      strict: true,
    });
    const [scope, mode] = positionals;
    if (!scope || (mode !== "shadow" && mode !== "auto") || positionals.length > 2) {
      throw new CliUsageError(`Expected a scope and a mode (shadow or auto), got: ${positionals.join(" ") || "nothing"}`);
    }
    if (values.force && !values.reason) throw new CliUsageError("--force needs --reason TEXT (it goes to the audit log)");
    let state;
    try {
      state = await withStore(values.db, io, (store) =>
        switchMode(store, scope, mode, {
          actor: values.actor,
          force: values.force,
          ...(values.reason ? { reason: values.reason } : {}),
        }),
      );
    } catch (error: unknown) {
      // A refused switch (the scope has not earned auto) is a failed check, not bad input: exit 1.
      if (!(error instanceof OperationRefusedError)) throw error;
      io.stderr(`${error.name}: ${error.message}\n`);
      return 1;
    }
    io.stdout(`Scope ${state.scope} is now in ${state.mode} mode (breaker ${state.breaker}).\n`);
    return 0;
  },
};
