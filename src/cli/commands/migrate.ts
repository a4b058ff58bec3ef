import { parseArgs } from "node:util";
import type { CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

export const migrateCommand: CliCommand = {
  name: "migrate",
  summary: "Create the database and apply pending migrations",
  usage: "autonomy-gate migrate [--db URL]",
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { db: { type: "string" } }, strict: true });
    await withStore(values.db, io, async (store) => {
      await store.migrate();
      io.stdout(`Migrated ${store.url}\n`);
    });
    return 0;
  },
};
