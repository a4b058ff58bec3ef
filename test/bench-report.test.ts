import { describe, expect, it } from "vitest";
import type { FigureResult } from "../bench/figure.js";
import { benchmarksMarkdown, markdownTable, textTable } from "../bench/report.js";

const figure: FigureResult = {
  id: "history",
  title: "History scale: eligibility",
  method: "Seeded, then timed.",
  headers: ["size", "p50"],
  rows: [["10,000", "0.070 ms"]],
  notes: ["Flat."],
  slower: ["`status` grows with history."],
  headline: "flat",
};

const machine = {
  cpuModel: "Test CPU",
  cores: 2,
  memoryGiB: 4,
  os: "linux 6",
  node: "v20.0.0",
  tmpDir: "/tmp",
  date: "2026-01-01T00:00:00.000Z",
  load1: 0.5,
};

describe("markdownTable", () => {
  it("escapes pipes inside cells so they do not split columns", () => {
    expect(markdownTable(["a"], [["x | y"]])).toContain("x \\| y");
  });
});

describe("textTable", () => {
  it("pads every column to its widest cell", () => {
    const lines = textTable(["a", "b"], [["long cell", "1"]]).split("\n");
    expect(lines[0]?.indexOf("b")).toBe(lines[2]?.indexOf("1"));
  });
});

describe("benchmarksMarkdown", () => {
  const doc = benchmarksMarkdown({ machine, args: [], figures: [figure], totalMs: 1000 });

  it("states the machine, date, Node version and the exact command of the run", () => {
    expect(doc).toContain("Test CPU, 2 cores, 4 GiB RAM");
    expect(doc).toContain("2026-01-01T00:00:00.000Z");
    expect(doc).toContain("v20.0.0");
    expect(doc).toContain("`npm run bench`");
  });

  it("gives each figure the command that reproduces it alone", () => {
    expect(doc).toContain("Reproduce: `npm run bench -- --only history`");
  });

  it("collects where the gate is slower in a section of its own", () => {
    const section = doc.slice(doc.indexOf("## Where the gate is slower"));
    expect(section).toContain("`status` grows with history.");
  });
});
