import { describe, expect, it } from "vitest";
import { toJUnitXml } from "../evals/junit.js";
import { toMarkdownSummary } from "../evals/summary.js";
import { goldenReport, goldenResult } from "./helpers/evals-report.js";
import { parseXml } from "./helpers/evals-xml.js";

const failing = goldenResult({
  id: "flipped",
  ok: false,
  description: `Tricky <text> & "quotes" ]]> with a \u0007 bell`,
  differences: [
    { field: "passed", expected: "true", got: "false" },
    { field: "violations.include", expected: "spam_phrase", got: "none" },
  ],
});

describe("JUnit XML", () => {
  it("has one testsuite per folder and one testcase per golden", () => {
    const xml = toJUnitXml(goldenReport({ "goldens/gate": [goldenResult(), failing], "goldens/outreach": [goldenResult({ suite: "goldens/outreach", id: "x" })] }));
    const root = parseXml(xml);
    expect(root.name).toBe("testsuites");
    expect(root.attrs).toMatchObject({ tests: "3", failures: "1", errors: "0" });
    expect(root.children.map((s) => [s.attrs.name, s.children.length])).toEqual([["goldens/gate", 2], ["goldens/outreach", 1]]);
  });

  it("names the differing fields in the failure and escapes hostile text", () => {
    const root = parseXml(toJUnitXml(goldenReport({ "a&b <suite>": [failing] })));
    const suite = root.children[0]!;
    expect(suite.attrs.name).toBe("a&b <suite>");
    const failure = suite.children[0]!.children[0]!;
    expect(failure.name).toBe("failure");
    expect(failure.attrs.message).toBe("differs: passed, violations.include");
    expect(failure.text).toContain(`Tricky <text> & "quotes" ]]> with a  bell`);
    expect(failure.text).toContain("passed: expected true, got false");
  });

  it("reports a case that could not run as an error, not a failure", () => {
    const crashed = goldenResult({ ok: false, got: null, error: "TypeError: boom", differences: [{ field: "error", expected: "a verdict", got: "TypeError: boom" }] });
    const root = parseXml(toJUnitXml(goldenReport({ s: [crashed] })));
    expect(root.attrs).toMatchObject({ failures: "0", errors: "1" });
    expect(root.children[0]!.children[0]!.children[0]).toMatchObject({ name: "error", attrs: { message: "TypeError: boom" } });
  });
});

describe("the XML checker used above", () => {
  it("rejects malformed XML", () => {
    for (const bad of ["<a><b></a>", '<a x="1" x="2"/>', "<a>&</a>", "<a x=1/>", "<a>1 < 2</a>", "<a/><b/>"]) {
      expect(() => parseXml(bad), bad).toThrow(/XML error/);
    }
  });
});

describe("Markdown summary", () => {
  it("lists each suite against the bar and every failing case with its fields", () => {
    const md = toMarkdownSummary(goldenReport({ "goldens/gate": [goldenResult(), failing] }), { bar: 0.8, judge: "scripted replies" });
    expect(md).toContain("## autonomy-gate eval: FAILED");
    expect(md).toContain("| goldens/gate | 2 | 1 | 0.50 | **no** |");
    expect(md).toMatch(/\| goldens\/gate \| flipped \| passed, violations.include \|/);
  });

  it("escapes pipes so a cell cannot break the table", () => {
    const md = toMarkdownSummary(goldenReport({ "a|b": [goldenResult()] }), { bar: 0.8, judge: "scripted replies" });
    expect(md).toContain("| a\\|b | 1 | 1 | 1.00 | yes |");
  });
});
