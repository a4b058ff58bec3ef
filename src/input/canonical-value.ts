/**
 * The rendering rules of the canonical view (DESIGN §3.11): any JavaScript value becomes plain,
 * bounded JSON that every consumer (hash, guardrails, escalation checks, judge prompts) reads.
 * The walk is iterative in spirit and linear: each value is read once, the ancestors on the
 * current path are remembered (a back-reference is a cycle; a shared reference elsewhere is fine),
 * and a shared budget caps depth, node count and characters. What cannot be rendered faithfully
 * is reported as a problem at its path (never with the value).
 */

/** Plain JSON: what the canonical view is made of. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A field the canonical view could not render faithfully, or that breaks the `GateInput` type. */
export interface InputProblem {
  /** Where: `draft.args.amount`, `steps[2].output`, `evidence.customer`. Never the value. */
  path: string;
  problem: string;
}

/** The bounds of one canonical view (one input shares one budget). */
export const CANONICAL_LIMITS = {
  /** Deepest nesting rendered; deeper values are cut. */
  maxDepth: 64,
  /** Values (objects, arrays, entries, scalars, keys) rendered per input. */
  maxNodes: 200_000,
  /** Characters of strings and keys rendered per input. */
  maxChars: 4_000_000,
  /** Steps on the board; a longer board is cut (and is a problem). */
  maxSteps: 1_000,
  /** Problems listed per input (a count stands for the rest). */
  maxProblems: 20,
} as const;

/** Stand-ins shown where a value was refused or cut. */
export const REFUSED = {
  cycle: "[cycle]",
  function: "[function]",
  symbol: "[symbol]",
  unreadable: "[unreadable]",
  cut: "[cut: beyond the input bound]",
} as const;

/** Mutable state of one rendering: the budget, the problems and the path being visited. */
export interface CanonicalBudget {
  nodes: number;
  chars: number;
  problems: InputProblem[];
  /** Problems not listed because `maxProblems` was reached. */
  moreProblems: number;
  /** The bound was hit: every further value is cut. */
  exhausted: boolean;
}

export function newBudget(): CanonicalBudget {
  return { nodes: 0, chars: 0, problems: [], moreProblems: 0, exhausted: false };
}

export function addProblem(budget: CanonicalBudget, path: string, problem: string): void {
  if (budget.problems.length < CANONICAL_LIMITS.maxProblems) budget.problems.push({ path, problem });
  else budget.moreProblems++;
}

/** `a.b`, `a[3]`, `a["odd key"]`: a path segment for a key. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  if (path === "") return segment;
  return segment.startsWith('"') ? `${path}[${segment}]` : `${path}.${segment}`;
}

// C0 controls but tab, LF, CR; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `text` holds control characters other than tab and line breaks. */
export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);

interface Walk {
  budget: CanonicalBudget;
  /** Objects on the current path (ancestors): meeting one again is a cycle. */
  ancestors: Set<object>;
  /** Where `toJSON` is refused (the draft: what acts must be plain data). */
  refuseToJson: boolean;
  /**
   * The path being visited, as segments below `root`. A path string is built only when a problem
   * is reported: building one per value would allocate on every node and make GC the cost.
   */
  root: string;
  segments: Array<string | number>;
}

function pathOf(walk: Walk): string {
  let path = walk.root;
  for (const segment of walk.segments) path = childPath(path, segment);
  return path;
}

function problem(walk: Walk, text: string): void {
  if (walk.budget.problems.length < CANONICAL_LIMITS.maxProblems) walk.budget.problems.push({ path: pathOf(walk), problem: text });
  else walk.budget.moreProblems++;
}

function spend(walk: Walk, nodes: number, chars: number): boolean {
  const { budget } = walk;
  if (budget.exhausted) return false;
  budget.nodes += nodes;
  budget.chars += chars;
  if (budget.nodes > CANONICAL_LIMITS.maxNodes || budget.chars > CANONICAL_LIMITS.maxChars) {
    budget.exhausted = true;
    problem(walk, `the input is larger than the gate's bound (${CANONICAL_LIMITS.maxNodes} values, ${CANONICAL_LIMITS.maxChars} characters)`);
    return false;
  }
  return true;
}

function renderString(walk: Walk, text: string): Json {
  if (!spend(walk, 1, text.length)) return REFUSED.cut;
  LONE_SURROGATE.lastIndex = 0;
  if (LONE_SURROGATE.test(text)) {
    problem(walk, "a string with a lone surrogate (not valid Unicode text); shown with U+FFFD");
    return text.replace(LONE_SURROGATE, "\uFFFD");
  }
  return text;
}

function renderNumber(walk: Walk, n: number): Json {
  if (!spend(walk, 1, 0)) return REFUSED.cut;
  if (Number.isFinite(n)) return Object.is(n, -0) ? 0 : n;
  problem(walk, "a non-finite number (NaN or Infinity has no JSON form)");
  return String(n);
}

/** Returned by {@link read} when reading threw. */
const UNREADABLE: unique symbol = Symbol("unreadable");

/** Read `obj[key]`, which may run a getter or a proxy trap; a throw is a problem, not a crash. */
function read(walk: Walk, obj: object, key: string | number): unknown {
  try {
    return (obj as Record<string | number, unknown>)[key];
  } catch {
    problem(walk, "reading it threw (a getter or proxy)");
    return UNREADABLE;
  }
}

function setKey(out: Record<string, Json>, key: string, value: Json): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** Render a child already read (the current path includes its segment). */
function renderRead(walk: Walk, value: unknown, depth: number): Json {
  return value === UNREADABLE ? REFUSED.unreadable : renderValue(walk, value, depth + 1);
}

/** Members by sorted key, each read only once the budget allows it (a huge object is cut, not read). */
function renderMembers(walk: Walk, keys: string[], get: (key: string) => unknown, depth: number): Record<string, Json> {
  const out: Record<string, Json> = {};
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    walk.segments.push(key);
    try {
      if (!spend(walk, 1, key.length)) break;
      const value = get(key);
      if (value !== undefined) setKey(out, key, renderRead(walk, value, depth));
    } finally {
      walk.segments.pop();
    }
  }
  return out;
}

function renderItems(walk: Walk, length: number, get: (i: number) => unknown, depth: number): Json[] {
  const out: Json[] = [];
  for (let i = 0; i < length && !walk.budget.exhausted; i++) {
    walk.segments.push(i);
    try {
      const value = get(i);
      out.push(renderRead(walk, value === undefined ? null : value, depth));
    } finally {
      walk.segments.pop();
    }
  }
  return out;
}

/** The first values of an iterable, no more than the budget has room for. */
function take<T>(walk: Walk, iterable: Iterable<T>): T[] {
  const room = CANONICAL_LIMITS.maxNodes - walk.budget.nodes + 1;
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length >= room) break;
    out.push(item);
  }
  return out;
}

function ownKeys(walk: Walk, obj: object): string[] | null {
  try {
    return Object.keys(obj);
  } catch {
    problem(walk, "its keys could not be listed (a proxy threw)");
    return null;
  }
}

function bytesOf(obj: ArrayBufferView | ArrayBuffer): ArrayLike<number | bigint> {
  if (obj instanceof ArrayBuffer) return new Uint8Array(obj);
  if (obj instanceof DataView) return new Uint8Array(obj.buffer, obj.byteOffset, obj.byteLength);
  return obj as unknown as ArrayLike<number | bigint>;
}

function renderToJson(walk: Walk, obj: object, toJson: unknown, depth: number): Json {
  if (walk.refuseToJson) {
    problem(walk, "an object with toJSON() in the draft (what acts must be plain data)");
    return REFUSED.unreadable;
  }
  let replaced: unknown;
  try {
    replaced = (toJson as (key: string) => unknown).call(obj, "");
  } catch {
    problem(walk, "its toJSON() threw");
    return REFUSED.unreadable;
  }
  // One toJSON rule, as JSON.stringify applies it: the result is rendered in the object's place.
  return renderValue(walk, replaced === undefined ? null : replaced, depth + 1);
}

function renderObject(walk: Walk, obj: object, depth: number): Json {
  if (obj instanceof Date) {
    if (Number.isNaN(obj.getTime())) {
      problem(walk, "an invalid Date");
      return "Invalid Date";
    }
    return renderString(walk, obj.toISOString());
  }
  if (obj instanceof RegExp) return renderString(walk, String(obj));
  if (obj instanceof String || obj instanceof Number || obj instanceof Boolean || obj instanceof BigInt) {
    return renderValue(walk, obj.valueOf(), depth);
  }
  if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) {
    const bytes = bytesOf(obj);
    return renderItems(walk, bytes.length, (i) => bytes[i], depth);
  }
  if (Array.isArray(obj)) {
    let length = 0;
    try {
      length = obj.length;
    } catch {
      problem(walk, "its length could not be read (a proxy threw)");
    }
    return renderItems(walk, length, (i) => read(walk, obj, i), depth);
  }
  if (obj instanceof Map || obj instanceof Set) {
    // A Map is its `[key, value]` entries (any key type kept), a Set its values, in insertion order.
    const items = take(walk, obj instanceof Map ? obj.entries() : obj.values());
    return renderItems(walk, items.length, (i) => items[i], depth);
  }
  if (obj instanceof Error) {
    const fields: Record<string, unknown> = { name: obj.name, message: obj.message };
    return renderMembers(walk, Object.keys(fields), (key) => fields[key], depth);
  }
  const toJson = read(walk, obj, "toJSON");
  if (toJson === UNREADABLE) return REFUSED.unreadable;
  if (typeof toJson === "function") return renderToJson(walk, obj, toJson, depth);
  const keys = ownKeys(walk, obj);
  if (keys === null) return REFUSED.unreadable;
  return renderMembers(walk, keys, (key) => read(walk, obj, key), depth);
}

function renderValue(walk: Walk, value: unknown, depth: number): Json {
  switch (typeof value) {
    case "string":
      return renderString(walk, value);
    case "number":
      return renderNumber(walk, value);
    case "boolean":
      return spend(walk, 1, 0) ? value : REFUSED.cut;
    case "bigint":
      return renderString(walk, value.toString());
    case "undefined":
      return null;
    case "function":
      problem(walk, "a function (run data must be plain values)");
      return REFUSED.function;
    case "symbol":
      problem(walk, "a symbol (run data must be plain values)");
      return REFUSED.symbol;
  }
  if (value === null) return spend(walk, 1, 0) ? null : REFUSED.cut;
  const obj = value as object;
  if (walk.ancestors.has(obj)) {
    problem(walk, "a cycle (the value contains itself)");
    return REFUSED.cycle;
  }
  if (depth >= CANONICAL_LIMITS.maxDepth) {
    problem(walk, `nested deeper than ${CANONICAL_LIMITS.maxDepth} levels`);
    return REFUSED.cut;
  }
  if (!spend(walk, 1, 0)) return REFUSED.cut;
  walk.ancestors.add(obj);
  try {
    return renderObject(walk, obj, depth);
  } catch {
    // A proxy trap (getPrototypeOf, a revoked proxy) threw while the value was being inspected.
    problem(walk, "inspecting it threw (a proxy)");
    return REFUSED.unreadable;
  } finally {
    walk.ancestors.delete(obj);
  }
}

/**
 * Render `value` (found at `path`) into plain JSON, spending `budget`. Rules:
 * strings as they are (lone surrogates → U+FFFD, a problem); finite numbers as they are (`-0` → 0;
 * NaN/±Infinity → their name as a string, a problem); BigInt → decimal string; Date → ISO string
 * (an invalid Date is a problem); RegExp → its source text; boxed primitives → their value; Map →
 * `[key, value]` entries in insertion order; Set → its values; typed arrays, ArrayBuffer, DataView →
 * arrays of numbers; Error → `{ name, message }`; `toJSON()` → its result, rendered in place (as
 * JSON.stringify would), except where `refuseToJson` (the draft), where it is a problem; other
 * objects → their own enumerable string keys, sorted, `undefined` members dropped (in arrays:
 * `null`). Functions, symbols, cycles, throwing getters/proxies/toJSON, nesting deeper than
 * `maxDepth` and anything past the size bound are problems, shown as a fixed stand-in.
 */
export function renderCanonical(value: unknown, path: string, budget: CanonicalBudget, options: { refuseToJson?: boolean } = {}): Json {
  return renderValue({ budget, ancestors: new Set(), refuseToJson: options.refuseToJson === true, root: path, segments: [] }, value, 0);
}
