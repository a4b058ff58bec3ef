import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateReport } from "../../report/generate-report.js";
import type { CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

/** `autonomy-gate report`: writes the self-contained HTML report. */
export const reportCommand: CliCommand = {
  name: "report",
  summary: "Write a self-contained HTML report: agreement, decisions, autonomy rate, events, competence",
  usage: "autonomy-gate report [--out report.html] [--scope S] [--title TEXT] [--db URL]",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        out: { type: "string", default: "report.html" },
        scope: { type: "string" },
        title: { type: "string" },
      },
      strict: true,
    });
    const html = await withStore(values.db, io, (store) =>
      generateReport(store, { ...(values.scope ? { scope: values.scope } : {}), ...(values.title ? { title: values.title } : {}) }),
    );
    const out = resolve(io.cwd, values.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, html);
    io.stdout(`Report written to ${out}\n`);
    return 0;
  },
};
