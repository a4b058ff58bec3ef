import type { z } from "zod";
import { GateConfigError } from "../errors.js";

/** How one option field is checked, and what an error says is valid. */
export interface FieldSpec {
  schema: z.ZodType;
  expected: string;
}

/**
 * Checks a partial options object field by field: refuses non-objects and unknown fields, and
 * returns the fields that were given, parsed. `path` prefixes field names in errors
 * (`policy.auditRate`).
 * @throws GateConfigError naming the first bad field, the value received and what is valid.
 */
export function checkFields<K extends string>(
  value: unknown,
  fields: Record<K, FieldSpec>,
  path: string,
  what: string,
): Partial<Record<K, unknown>> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new GateConfigError(path, value, `an object with some ${what} fields`);
  }
  const names = Object.keys(fields) as K[];
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(key in fields)) {
      throw new GateConfigError(`${path}.${key}`, input[key], `no such field; valid fields: ${names.join(", ")}`);
    }
  }
  const checked: Partial<Record<K, unknown>> = {};
  for (const key of names) {
    if (input[key] === undefined) continue;
    const { schema, expected } = fields[key];
    const result = schema.safeParse(input[key]);
    if (!result.success) throw new GateConfigError(`${path}.${key}`, input[key], expected, { cause: result.error });
    checked[key] = result.data;
  }
  return checked;
}
