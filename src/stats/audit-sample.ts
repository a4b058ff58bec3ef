import { sha256 } from "../hash.js";

// 13 hex digits = 52 bits: the largest slice that is an exact integer in a double.
const HEX_DIGITS = 13;
const RANGE = 16 ** HEX_DIGITS;

/**
 * Whether an auto-eligible draft is drawn for the audit sample and sent to the human anyway
 * (DESIGN §5). Deterministic: the same draft hash (and salt) is always drawn or never, so a re-run
 * of the node routes alike. The draw is the first 52 bits of sha256(`salt:draftHash`) read as a
 * uniform number in [0, 1); it is below `rate` with probability `rate`. Raising the rate only
 * adds drafts to the sample. Rate 0 never samples, rate 1 always does.
 * @param salt e.g. the scope, so that two scopes do not audit the very same drafts.
 * @throws RangeError when `rate` is not in [0, 1].
 */
export function isAuditSampled(draftHash: string, rate: number, salt = ""): boolean {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`isAuditSampled: rate must be in [0, 1], got ${rate}.`);
  const draw = Number.parseInt(sha256(`${salt}:${draftHash}`).slice(0, HEX_DIGITS), 16) / RANGE;
  return draw < rate;
}
