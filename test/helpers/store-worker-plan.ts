import type { AgreementCounts } from "../../src/store/types.js";
import type { DecisionType } from "../../src/types.js";

/** What worker `worker` does with its verdict `i`: shared by the worker script and the test's expectations. */
export function workerStep(worker: number, i: number): { id: string; passed: boolean; decisions: DecisionType[] } {
  const final = (["approve", "edit", "reject", "skip"] as const)[i % 4]!;
  // Every fifth verdict is first rejected and then changed (a rejection runs nothing, so it may be
  // corrected), to move a counter cell under contention.
  return { id: `w${worker}-v${i}`, passed: i % 3 !== 0, decisions: i % 5 === 0 ? ["reject", final] : [final] };
}

/** The counters and audit entries `workers × perWorker` steps must leave behind. */
export function expectedTotals(workers: number, perWorker: number): { counts: AgreementCounts; auditEntries: number } {
  const counts: AgreementCounts = { passApprove: 0, passEdit: 0, passReject: 0, failApprove: 0, failEdit: 0, failReject: 0 };
  let auditEntries = 0;
  for (let w = 0; w < workers; w++) {
    for (let i = 0; i < perWorker; i++) {
      const { passed, decisions } = workerStep(w, i);
      const final = decisions[decisions.length - 1]!;
      if (final !== "skip") {
        const cell = `${passed ? "pass" : "fail"}${final[0]!.toUpperCase()}${final.slice(1)}` as keyof AgreementCounts;
        counts[cell]++;
      }
      // One `verdict` entry, one `decision` entry per actual change, and the worker's own note.
      auditEntries += 1 + new Set(decisions).size + 1;
    }
  }
  return { counts, auditEntries };
}
