import { hashValue } from "../hash.js";
import { identityOf, type CanonicalDraft, type CanonicalInput } from "../input/canonical.js";

/** sha256 of the canonical JSON of the canonical draft (text and args, as the judge is shown them). */
export function draftHashOf(draft: CanonicalDraft): string {
  return hashValue(draft);
}

/**
 * The verdict id: a hash of the scope, the thread and the whole canonical input (goal, steps,
 * draft, args, evidence, expectations), so a re-run of the same node on the same input finds the
 * same row, and any other input, however small the difference (another date, other evidence), is a
 * new verdict. A call without a thread (`threadId` "") is unthreaded: it shares a verdict only with
 * the very same input, unthreaded.
 */
export function verdictIdOf(view: CanonicalInput, scope: string, threadId: string): string {
  return hashValue({ scope, threadId, input: identityOf(view) });
}
