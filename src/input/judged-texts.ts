import type { CanonicalInput, Json } from "./canonical.js";
import { childPath } from "./canonical-value.js";

/** One piece of text a judge is shown, with the field it came from. */
export interface JudgedText {
  /** `goal`, `draft`, `draft.args.subject`, `evidence.customer.note`, `steps[3].output`, ... */
  path: string;
  text: string;
}

/**
 * Every text the judges see, from the canonical view: the goal, the draft text, every key and
 * string value of the draft's args, of the evidence, of each step's output and expectation, each
 * step's name and the keyed expectations. A key is listed at its own field's path (the key `note` of
 * `evidence.customer` as `evidence.customer.note`), so a tripwire over this list misses nothing the judge reads. Linear in the view.
 */
export function judgedTexts(view: CanonicalInput): JudgedText[] {
  const out: JudgedText[] = [{ path: "goal", text: view.goal }, { path: "draft", text: view.draft.text }];
  if (view.draft.args !== undefined) collect(view.draft.args, "draft.args", out);
  if (view.evidence !== undefined) collect(view.evidence, "evidence", out);
  view.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    out.push({ path: `${at}.name`, text: step.name });
    collect(step.output, `${at}.output`, out);
    if (step.expected !== undefined) collect(step.expected, `${at}.expected`, out);
  });
  if (view.expectations !== undefined) collect(view.expectations, "expectations", out);
  return out;
}

/** Strings and keys of a canonical value (acyclic and bounded, so plain recursion is safe). */
function collect(value: Json, path: string, out: JudgedText[]): void {
  if (typeof value === "string") out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, i) => collect(item, childPath(path, i), out));
  else if (value !== null && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) {
      const at = childPath(path, key);
      out.push({ path: at, text: key });
      collect(member, at, out);
    }
  }
}
