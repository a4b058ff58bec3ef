import type { EscalationPackage } from "../../src/escalation/types.js";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;

/**
 * The support graph's redaction hook: masks e-mail addresses and card-like numbers anywhere in the
 * escalation package before it is stored or shown. The owner still sees the ticket and the draft.
 */
export function redactContacts(pkg: EscalationPackage): EscalationPackage {
  return mask(pkg) as EscalationPackage;
}

function mask(value: unknown): unknown {
  if (typeof value === "string") return value.replace(EMAIL, "[email]").replace(CARD, "[card]");
  if (Array.isArray(value)) return value.map(mask);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, mask(member)]));
  }
  return value;
}
