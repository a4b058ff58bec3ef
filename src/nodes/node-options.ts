import { GateConfigError } from "../errors.js";
import { isPlainObject } from "../validation/plain.js";

/**
 * Checks a node factory's options object: a plain object whose keys are all known.
 * @throws GateConfigError naming the bad option.
 */
export function checkNodeOptions(options: unknown, path: string, known: readonly string[]): asserts options is Record<string, unknown> {
  if (!isPlainObject(options)) throw new GateConfigError(path, options, `a plain options object { ${known.join(", ")} }`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new GateConfigError(key, options[key], `a known option: one of ${known.join(", ")}`);
  }
}
