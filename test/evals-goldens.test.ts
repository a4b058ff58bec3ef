// The golden suites as part of `npm test`: the gate's own suite must pass in full, every suite must
// reach the 0.80 bar.
import { describe, expect, it } from "vitest";
import { loadGoldenSuites } from "../evals/load-goldens.js";
import { runGoldens, type SuiteResult } from "../evals/run-goldens.js";
import { BUILTIN_GUARDRAIL_CODES } from "../src/evaluation/guardrails/index.js";

const suites = await loadGoldenSuites(["goldens/gate", "goldens/outreach"]);
const report = await runGoldens(suites, { concurrency: 8 });
const [gate, outreach] = report.suites as [SuiteResult, SuiteResult];

const failures = (suite: SuiteResult) =>
  suite.results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.differences.map((d) => `${d.field} expected ${d.expected}, got ${d.got}`).join("; ")}`);

describe("golden suites", () => {
  it("the gate suite passes every case", () => {
    expect(failures(gate)).toEqual([]);
    expect(gate.passRate).toBe(1);
  });

  it("every suite reaches the 0.80 bar", () => {
    for (const suite of report.suites) expect(suite.passRate, `${suite.name}: ${failures(suite).join("\n")}`).toBeGreaterThanOrEqual(0.8);
  });

  it("the gate suite covers what DESIGN §11 and issue 4 require", () => {
    const ids = gate.results.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const id of ["clean-pass", "step-mismatch-scalar", "step-mismatch-free-text", "trajectory-redundant-loop", "fail-closed-empty-run", "judge-outage-outcome-timeout", "malformed-judge-output", "veto-prompt-injection-in-draft", "prompt-injection-in-evidence", "veto-oversized-draft", "kill-switch"]) {
      expect(ids).toContain(id);
    }
  });

  it("the gate suite has a veto case for each built-in guardrail", () => {
    for (const code of BUILTIN_GUARDRAIL_CODES) {
      const veto = gate.results.find((r) => !r.expected.passed && r.expected.violations?.include?.includes(code));
      expect(veto, code).toBeDefined();
    }
  });

  it("the outreach suite holds at least 20 cases, passes and fails mixed", () => {
    expect(outreach.total).toBeGreaterThanOrEqual(20);
    const expectedPasses = outreach.results.filter((r) => r.expected.passed).length;
    expect(expectedPasses).toBeGreaterThan(0);
    expect(expectedPasses).toBeLessThan(outreach.total);
  });
});
