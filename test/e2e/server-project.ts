// A throwaway project directory for the dev server. The CLI keeps its threads and checkpoints in
// `.langgraph_api/` next to the langgraph.json it serves and appends to that directory's
// .gitignore, and resolves @langchain/langgraph from there; serving a copy of the repository's langgraph.json (graph paths made absolute) from a
// temp directory keeps each run fresh and leaves the working tree untouched.
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

type GraphSpec = string | { path: string; description?: string };

/** The graph ids registered in the repository's langgraph.json. */
export function servedGraphIds(repoRoot: string): string[] {
  return Object.keys(readConfig(repoRoot).graphs);
}

function readConfig(repoRoot: string): { graphs: Record<string, GraphSpec>; [key: string]: unknown } {
  return JSON.parse(readFileSync(join(repoRoot, "langgraph.json"), "utf8"));
}

function absolute(repoRoot: string, spec: string): string {
  const [file = "", symbol] = spec.split(":", 2);
  const path = isAbsolute(file) ? file : resolve(repoRoot, file);
  return symbol === undefined ? path : `${path}:${symbol}`;
}

/** Writes `<dir>/langgraph.json` (the repository's, graph paths absolute) and returns its path. */
export function writeServerProject(repoRoot: string, dir: string): string {
  const config = readConfig(repoRoot);
  const graphs = Object.fromEntries(
    Object.entries(config.graphs).map(([id, spec]) => [
      id,
      typeof spec === "string" ? absolute(repoRoot, spec) : { ...spec, path: absolute(repoRoot, spec.path) },
    ]),
  );
  const configPath = join(dir, "langgraph.json");
  writeFileSync(configPath, `${JSON.stringify({ ...config, graphs }, null, 2)}\n`);
  writeFileSync(join(dir, ".gitignore"), ".langgraph_api\n");
  // The server resolves @langchain/langgraph from the project directory: the repository's copy.
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return configPath;
}
