import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Relative imports and re-exports of each file, type-only ones included. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, "utf8");
      const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']/g)].map((m) =>
        resolve(dirname(file), (m[1] ?? "").replace(/\.js$/, ".ts")),
      );
      return [file, targets.filter((t) => known.has(t))];
    }),
  );
}

/** Every import circle found by a depth-first walk, as a list of files ending where it began. */
function circles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(SRC, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("the source tree", () => {
  it("has no import circles, type-only imports included", () => {
    const graph = importGraph(sourceFiles(SRC));
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph)).toEqual([]);
  });

  it("the circle finder reports a circle it is given", () => {
    const graph = new Map([
      [join(SRC, "a.ts"), [join(SRC, "b.ts")]],
      [join(SRC, "b.ts"), [join(SRC, "a.ts")]],
    ]);
    expect(circles(graph)).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });

  it("the domains own their types: statistics, escalation, competence, evaluation and input import nothing from the store", () => {
    const graph = importGraph(sourceFiles(SRC));
    const domains = ["stats", "escalation", "competence", "evaluation", "input"];
    const reaching = [...graph].flatMap(([file, targets]) => {
      const from = relative(SRC, file);
      if (!domains.some((d) => from.startsWith(`${d}/`))) return [];
      return targets.filter((t) => relative(SRC, t).startsWith("store/")).map((t) => `${from} -> ${relative(SRC, t)}`);
    });
    expect(reaching).toEqual([]);
  });

  it("a store backend imports the shared store and never the other backend; the shared queries import no backend", () => {
    const graph = importGraph(sourceFiles(SRC));
    const wrong = [...graph].flatMap(([file, targets]) => {
      const from = relative(SRC, file);
      const backendOf = (path: string) => /^store\/(sqlite|pg)\//.exec(path)?.[1] ?? null;
      return targets.flatMap((t) => {
        const to = relative(SRC, t);
        const own = backendOf(from);
        const target = backendOf(to);
        if (target === null) return [];
        if (own !== null && own !== target) return [`${from} -> ${to}`];
        // Outside the backends, only the factories choose one: the store, migrate(), and type-only references.
        if (own === null && !["store/create-gate-store.ts", "store/migrate.ts", "store/tables.ts", "store/types.ts"].includes(from)) return [`${from} -> ${to}`];
        return [];
      });
    });
    expect(wrong).toEqual([]);
  });
});
