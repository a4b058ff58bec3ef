// Fails when a declaration file reachable from the installed package's entry point imports
// drizzle-orm, @libsql/client or pg: the public types are the GateStore interface only.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const entry = resolve(process.argv[2]);
const seen = new Set();
const queue = [entry];
const leaks = [];
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)) {
    const specifier = match[1];
    if (specifier.startsWith(".")) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, ".d.ts")));
    else if (/^(drizzle-orm|@libsql\/|pg$|pg\/)/.test(specifier)) leaks.push(`${file}: ${specifier}`);
  }
}
if (leaks.length > 0) {
  console.error(`Public declarations import database types:\n${leaks.join("\n")}`);
  process.exit(1);
}
console.log(`ok - ${seen.size} public declaration files, none imports drizzle-orm, @libsql or pg`);
