import { parseArgs } from "node:util";
import { createConsoleServer } from "../../console/server.js";
import { createGateStore } from "../../store/create-gate-store.js";
import { resolveAuthToken, resolveDbUrl } from "../db-url.js";
import { CliUsageError, type CliCommand } from "../io.js";

/**
 * `autonomy-gate console`: the operator console in a browser until SIGINT or SIGTERM. The token
 * comes from `--token` or `AUTONOMY_GATE_CONSOLE_TOKEN`; binding beyond loopback needs one.
 */
export const consoleCommand: CliCommand = {
  name: "console",
  summary: "Operator console in the browser: scopes, review queue, audit queue, events",
  usage:
    "autonomy-gate console [--port N] [--host H] [--token T] [--langgraph-url URL] [--actor WHO] [--db URL]  (token also from $AUTONOMY_GATE_CONSOLE_TOKEN)",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        port: { type: "string", default: "4318" },
        host: { type: "string", default: "127.0.0.1" },
        token: { type: "string" },
        "langgraph-url": { type: "string" },
        actor: { type: "string" },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new CliUsageError(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
    const token = values.token ?? io.env.AUTONOMY_GATE_CONSOLE_TOKEN;
    const authToken = resolveAuthToken(io);
    const store = createGateStore({ url: resolveDbUrl(values.db, io), ...(authToken ? { authToken } : {}) });
    try {
      const running = await createConsoleServer({
        store,
        host: values.host,
        port,
        ...(token ? { token } : {}),
        ...(values["langgraph-url"] ? { langgraphUrl: values["langgraph-url"] } : {}),
        ...(values.actor ? { actor: values.actor } : {}),
      });
      io.stdout(`Console on ${running.url}${token ? " (token required)" : ""} over ${store.url}. Ctrl-C stops it.\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await running.close();
      io.stdout("Console stopped.\n");
      return 0;
    } finally {
      store.close();
    }
  },
};
