import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the installed autonomy-gate package (the nearest `package.json` named
 * `autonomy-gate` above this file), in a source checkout and in `node_modules` alike. The CLI finds
 * the goldens it ships there.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "autonomy-gate") {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`autonomy-gate: no package.json of autonomy-gate above ${from}`);
    dir = parent;
  }
}
