import { GateConfigError } from "../errors.js";
import type { AgentSpec, AgentSpecValue } from "../types.js";

const MAX_DEPTH = 8;

function checkValue(value: unknown, path: string, depth: number): AgentSpecValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (depth < MAX_DEPTH && Array.isArray(value)) return value.map((item, i) => checkValue(item, `${path}[${i}]`, depth + 1));
  if (depth < MAX_DEPTH && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, AgentSpecValue> = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (member !== undefined) out[key] = checkValue(member, `${path}.${key}`, depth + 1);
    }
    return out;
  }
  throw new GateConfigError(path, value, `a JSON value (string, finite number, boolean, null, array or plain object, at most ${MAX_DEPTH} deep)`);
}

/**
 * The declared agent specification, checked and normalized: plain JSON only, `model` and
 * `promptVersion` strings, `tools` a list of names (sorted and de-duplicated, since their order does
 * not change the agent). `undefined` means none declared.
 * @throws GateConfigError naming the bad field.
 */
export function resolveAgentSpec(value: unknown, path = "agent"): AgentSpec | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new GateConfigError(path, value, "an object { model?, promptVersion?, tools?, ... }");
  }
  const spec = checkValue(value, path, 0) as Record<string, AgentSpecValue>;
  for (const key of ["model", "promptVersion"] as const) {
    if (spec[key] !== undefined && typeof spec[key] !== "string") throw new GateConfigError(`${path}.${key}`, spec[key], "a string");
  }
  if (spec.tools !== undefined) {
    const tools = spec.tools;
    if (!Array.isArray(tools) || tools.some((t) => typeof t !== "string")) throw new GateConfigError(`${path}.tools`, tools, "an array of tool names");
    spec.tools = [...new Set(tools as string[])].sort();
  }
  if (Object.keys(spec).length === 0) throw new GateConfigError(path, value, "a specification with at least one field (model, promptVersion, tools, ...)");
  return spec as AgentSpec;
}
