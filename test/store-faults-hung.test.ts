import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createGate } from "../src/gate/create-gate.js";
import { StoreUnavailableError } from "../src/errors.js";
import { createGateStore } from "../src/store/create-gate-store.js";
import { runTsChild } from "./helpers/child-process.js";
import { cleanInput, levelJudges } from "./helpers/engine-fakes.js";

const CLI = join(import.meta.dirname, "..", "src", "cli", "main.ts");

/** A TCP server that accepts every connection and never says a word. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe("a libSQL server that accepts and never answers", () => {
  it("evaluate returns a human-routed gate_error verdict within the store's deadline", async () => {
    const server = await silentServer();
    stop = server.close;
    const store = createGateStore({ url: server.url, timeoutMs: 400 });
    const gate = createGate({ store, judge: levelJudges() });
    const started = performance.now();
    const verdict = await gate.evaluate(cleanInput(), { threadId: "t-hung" });
    const elapsed = performance.now() - started;
    store.close();
    expect(verdict.route).toBe("human");
    expect(verdict.violations.map((v) => v.code)).toContain("gate_error");
    // Every store call on the draft path is bounded; the path makes a handful of them.
    expect(elapsed).toBeLessThan(400 * 6);
  });

  it("a store call rejects with StoreUnavailableError naming the URL, and decide does not hang", async () => {
    const server = await silentServer();
    stop = server.close;
    const store = createGateStore({ url: server.url, timeoutMs: 300 });
    const gate = createGate({ store, judge: levelJudges() });
    await expect(store.getKillSwitch()).rejects.toThrow(StoreUnavailableError);
    await expect(gate.decide("v-any", { type: "approve" })).rejects.toThrow(`cannot reach the database at ${server.url}`);
    store.close();
  });

  it("the CLI says it cannot reach the database and exits 1 within its deadline", async () => {
    const server = await silentServer();
    stop = server.close;
    const child = await runTsChild(CLI, ["status", "--db", server.url], {
      env: { ...process.env, AUTONOMY_GATE_DB_TIMEOUT_MS: "500" },
    });
    expect(child.code, child.stderr).toBe(1);
    expect(child.stderr).toContain(`cannot reach the database at ${server.url}: no answer within 500 ms`);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it("the CLI reports a refused connection as unreachable, exit 1, without migration SQL", async () => {
    const server = await silentServer();
    const url = server.url;
    await server.close();
    const child = await runTsChild(CLI, ["status", "--db", url], { env: { ...process.env, AUTONOMY_GATE_DB_TIMEOUT_MS: "2000" } });
    expect(child.code, child.stderr).toBe(1);
    expect(child.stderr).toContain(`cannot reach the database at ${url}:`);
    expect(child.stderr).not.toMatch(/CREATE TABLE|\n\s+at /);
  }, 30_000);
});
