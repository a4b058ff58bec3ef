#!/usr/bin/env node
// Runs the compiled CLI when the package is installed; falls back to tsx in a source checkout.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = join(root, "dist", "src", "cli", "main.js");
const source = join(root, "src", "cli", "main.ts");
if (existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(source).href);
} else {
  process.stderr.write(`autonomy-gate: the package at ${root} is not built (no dist/src/cli/main.js). Reinstall it, or run \`npm run build\` in a checkout.\n`);
  process.exitCode = 1;
}
