import { spawn } from "node:child_process";
import { join } from "node:path";

const HOLDER = join(import.meta.dirname, "lock-holder.ts");

/**
 * Starts the lock holder and resolves once it holds the lock, with a promise of its exit and a
 * `release()` that ends it early (the operating system drops the lock with the process).
 */
export function holdLock(file: string, ms: number): Promise<{ exited: Promise<number | null>; release: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", HOLDER, file, String(ms)], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((done) => child.on("close", done));
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("locked")) resolve({ exited, release: () => (child.kill("SIGKILL"), exited) });
    });
    child.on("error", reject);
    void exited.then((code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

