import { parseArgs } from "node:util";
import { CliUsageError, type CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

export const killCommand: CliCommand = {
  name: "kill",
  summary: "Turn the global kill switch on (no LLM calls, nothing auto-approves) or off",
  usage: "autonomy-gate kill on|off [--db URL]",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { db: { type: "string" }, actor: { type: "string", default: "cli" } },
      allowPositionals: true,
      strict: true,
    });
    const [state] = positionals;
    if ((state !== "on" && state !== "off") || positionals.length !== 1) {
      throw new CliUsageError(`Expected "on" or "off", got: ${positionals.join(" ") || "nothing"}`);
    }
    await withStore(values.db, io, (store) => store.setKillSwitch(state === "on", values.actor));
    io.stdout(`Kill switch ${state}.\n`);
    return 0;
  },
};
