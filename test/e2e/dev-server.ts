// Starting and stopping `npx @langchain/langgraph-cli dev` for the end-to-end script. The server is
// a tree of processes (npm → langgraphjs → tsx watch → node → esbuild); it runs in its own process
// group so one signal to the group stops all of it, and stopping checks that nothing survived.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** Options of {@link spawnDevServer}. */
export interface DevServerOptions {
  /** Directory `npx` runs in (the repository root, so the local CLI and tsconfig are used). */
  cwd: string;
  /** The langgraph.json to serve. */
  configPath: string;
  /** Loopback port to bind. */
  port: number;
  /** Environment of the server (replaces the inherited one). */
  env: NodeJS.ProcessEnv;
  /** Where the server's stdout and stderr go. */
  logFile: string;
  /** How long to wait for `/ok` before giving up. @default 120000 */
  readyTimeoutMs?: number;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  /** Process group id (the pid of the `npx` leader). */
  pgid: number;
  /** Resolves once `/ok` answers; rejects on a crash, an early exit or the ready timeout. */
  ready(): Promise<void>;
  /** Stops the whole process group (idempotent); resolves to the pids still alive afterwards (none, normally). */
  stop(): Promise<number[]>;
}

/** A free loopback port: bind 127.0.0.1:0, read the port, release it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}

/** Pids of the group that are still running (zombies awaiting a reaper do not count). */
export function livingMembers(pgid: number): number[] {
  if (!existsSync("/proc/self/stat")) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const living: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the parenthesised command: state, ppid, pgrp, ...
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z" && state !== "X") living.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return living;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForGroupExit(pgid: number, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let living = livingMembers(pgid);
  while (living.length > 0 && Date.now() < deadline) {
    await sleep(100);
    living = livingMembers(pgid);
  }
  return living;
}

// A crash while loading the graphs does not end the process tree (`tsx watch` waits for a fix),
// so the log is read for Node's fatal-error footer or the CLI's launch failure.
const CRASHED = /^Node\.js v\d+\.\d+\.\d+\s*$|Failed to launch server/m;

async function waitUntilReady(url: string, child: ChildProcess, logFile: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the dev server exited early (code ${child.exitCode ?? child.signalCode})`);
    }
    if (CRASHED.test(readFileSync(logFile, "utf8"))) throw new Error("the dev server crashed while starting (see its log)");
    try {
      const response = await fetch(`${url}/ok`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`the dev server was not ready at ${url}/ok within ${ms} ms`);
}

/**
 * Starts `npx @langchain/langgraph-cli dev` detached in its own process group. The handle exists
 * from the moment the process does, so the caller can always stop it; `ready()` waits for `/ok`.
 */
export function spawnDevServer(options: DevServerOptions): DevServer {
  const url = `http://127.0.0.1:${options.port}`;
  const log = openSync(options.logFile, "a");
  const args = ["--no", "@langchain/langgraph-cli", "dev", "--port", String(options.port), "--host", "127.0.0.1", "--no-browser", "--config", options.configPath];
  const child = spawn("npx", args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error("npx did not start");
  const pgid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let stopping: Promise<number[]> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      signalGroup(pgid, "SIGTERM");
      let living = await waitForGroupExit(pgid, 8_000);
      if (living.length > 0) {
        signalGroup(pgid, "SIGKILL");
        living = await waitForGroupExit(pgid, 4_000);
      }
      await Promise.race([exited, sleep(2_000)]);
      return living;
    })());
  const ready = () => waitUntilReady(url, child, options.logFile, options.readyTimeoutMs ?? 120_000);
  return { url, pgid, ready, stop };
}

/** Last resort from a synchronous `exit` handler: SIGKILL the group without waiting. */
export function killGroupNow(pgid: number): void {
  signalGroup(pgid, "SIGKILL");
}
