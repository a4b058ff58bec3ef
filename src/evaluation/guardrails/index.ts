import { LEVELS, type Violation } from "../../types.js";
import { emptyGuardrail } from "./empty.js";
import { injectionGuardrail } from "./injection.js";
import { createOversizedGuardrail } from "./oversized.js";
import { placeholderGuardrail } from "./placeholders.js";
import { spamGuardrail } from "./spam.js";
import type { BuiltinGuardrailCode, Guardrail, GuardrailContext } from "./types.js";

/**
 * Version of the built-in guardrail set (lists, patterns, default severities). Recorded in every
 * verdict's provenance: bump it whenever the set changes, so scopes re-earn autonomy on the new
 * set (DESIGN §5). A test pins the lists to this string.
 */
export const GUARDRAIL_SET_VERSION = "guardrails@2";

/** Default severities of the built-in guardrails; the host overrides them per code. */
export const DEFAULT_GUARDRAIL_SEVERITY: Readonly<Record<BuiltinGuardrailCode, "hard" | "soft">> = {
  unresolved_placeholder: "hard",
  spam_phrase: "hard",
  empty_draft: "hard",
  oversized_draft: "hard",
  prompt_injection_marker: "hard",
};

/** How the built-in set is configured for one gate. */
export interface GuardrailSetConfig {
  maxDraftChars: number;
  disable: readonly BuiltinGuardrailCode[];
  custom: readonly Guardrail[];
}

function builtins(maxDraftChars: number): Record<BuiltinGuardrailCode, Guardrail> {
  return {
    unresolved_placeholder: placeholderGuardrail,
    spam_phrase: spamGuardrail,
    empty_draft: emptyGuardrail,
    oversized_draft: createOversizedGuardrail(maxDraftChars),
    prompt_injection_marker: injectionGuardrail,
  };
}

const VALID_LEVELS: readonly string[] = [...LEVELS, "gate"];

/** Keep a host violation only in the shape the verdict promises. */
function sanitize(raw: unknown): Violation | null {
  if (raw === null || typeof raw !== "object") return null;
  const { code, severity, level, detail } = raw as Record<string, unknown>;
  if (typeof code !== "string" || code.length === 0) return null;
  if (severity !== "hard" && severity !== "soft") return null;
  const violation: Violation = {
    code,
    severity,
    level: typeof level === "string" && VALID_LEVELS.includes(level) ? (level as Violation["level"]) : "outcome",
  };
  if (typeof detail === "string") violation.detail = detail;
  return violation;
}

function gateError(detail: string): Violation {
  return { code: "gate_error", severity: "soft", level: "gate", detail };
}

/**
 * Run the enabled built-ins, then the host's guardrails. A host guardrail that throws or returns
 * something malformed becomes a `gate_error` (fail open: the draft still reaches a human).
 */
export function runGuardrails(ctx: GuardrailContext, config: GuardrailSetConfig): Violation[] {
  const violations: Violation[] = [];
  for (const [code, check] of Object.entries(builtins(config.maxDraftChars))) {
    if (!config.disable.includes(code as BuiltinGuardrailCode)) violations.push(...check(ctx));
  }
  config.custom.forEach((check, i) => {
    const name = check.name || `#${i + 1}`;
    try {
      const result: unknown = check(ctx);
      if (!Array.isArray(result)) {
        violations.push(gateError(`host guardrail ${name} did not return an array`));
        return;
      }
      for (const raw of result) {
        const violation = sanitize(raw);
        violations.push(violation ?? gateError(`host guardrail ${name} returned a malformed violation`));
      }
    } catch {
      violations.push(gateError(`host guardrail ${name} threw`));
    }
  });
  return violations;
}

export type { BuiltinGuardrailCode, Guardrail, GuardrailContext } from "./types.js";
export { BUILTIN_GUARDRAIL_CODES } from "./types.js";
