import { parseArgs } from "node:util";
import { backfillDecision } from "../../decisions/backfill.js";
import { DECISION_TYPES, type DecisionType } from "../../types.js";
import { CliUsageError, type CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

export const decideCommand: CliCommand = {
  name: "decide",
  summary: "Backfill a decision made outside the graph onto a verdict by id",
  usage: "autonomy-gate decide <verdictId> approve|edit|reject|skip [--note TEXT] [--by WHO] [--difficulty 0.5-2] [--db URL]",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        note: { type: "string" },
        by: { type: "string", default: "cli" },
        difficulty: { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    const [verdictId, type] = positionals;
    if (!verdictId || !type || positionals.length !== 2 || !(DECISION_TYPES as readonly string[]).includes(type)) {
      throw new CliUsageError(
        `Expected a verdict id and one of ${DECISION_TYPES.join(", ")}, got: ${positionals.join(" ") || "nothing"}`,
      );
    }
    const difficulty = values.difficulty === undefined ? undefined : Number(values.difficulty);
    if (difficulty !== undefined && !(difficulty >= 0.5 && difficulty <= 2)) {
      throw new CliUsageError(`--difficulty must be a number from 0.5 to 2, got ${JSON.stringify(values.difficulty)}`);
    }
    const verdict = await withStore(values.db, io, (store) =>
      backfillDecision(store, verdictId, {
        type: type as DecisionType,
        by: values.by,
        ...(values.note ? { note: values.note } : {}),
        ...(difficulty !== undefined ? { difficulty } : {}),
      }),
    );
    io.stdout(`Recorded ${type} on verdict ${verdict.id} (scope ${verdict.scope}, gate ${verdict.passed ? "passed" : "failed"}).\n`);
    return 0;
  },
};
