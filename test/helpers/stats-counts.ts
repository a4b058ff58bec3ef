import type { AgreementCounts } from "../../src/store/types.js";
import { EMPTY_COUNTS } from "../../src/stats/agreement.js";

/** A counts table with only the named cells set. */
export function counts(cells: Partial<AgreementCounts>): AgreementCounts {
  return { ...EMPTY_COUNTS, ...cells };
}
