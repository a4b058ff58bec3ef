/**
 * Every text field the judges read, as `{ path, text }` for the injection tripwire: the goal,
 * the draft text and args, evidence keys and values, and each step's name, output and expected
 * value. Temporary: the canonical input view (DESIGN §3.11) enumerates the same fields and
 * replaces this walk.
 */
import type { ScannedField } from "./injection-scan.js";
import type { GuardrailContext } from "./types.js";

const MAX_DEPTH = 32;
const SAFE_KEY = /^[A-Za-z_$][\w$-]*$/;

function childPath(parent: string, key: string): string {
  return SAFE_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Strings and object keys inside `value`, cycle-safe and depth-bounded. */
function walk(value: unknown, path: string, out: ScannedField[], seen: Set<object>, depth: number): void {
  if (typeof value === "string") {
    out.push({ path, text: value });
    return;
  }
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, out, seen, depth + 1));
  } else {
    for (const [key, item] of Object.entries(value)) {
      const at = childPath(path, key);
      out.push({ path: at, text: key });
      walk(item, at, out, seen, depth + 1);
    }
  }
  seen.delete(value);
}

export function injectionFields(ctx: GuardrailContext): ScannedField[] {
  const out: ScannedField[] = [{ path: "goal", text: ctx.goal }, { path: "draft", text: ctx.draft.text }];
  walk(ctx.draft.args, "draft.args", out, new Set(), 0);
  walk(ctx.evidence, "evidence", out, new Set(), 0);
  ctx.steps.forEach((step, i) => {
    out.push({ path: `steps[${i}].name`, text: step.name });
    walk(step.output, `steps[${i}].output`, out, new Set(), 0);
    walk(step.expected, `steps[${i}].expected`, out, new Set(), 0);
  });
  return out;
}
