import { describe, expect, it } from "vitest";
import { loadGoldens } from "../evals/load-goldens.js";
import { replicateGoldens } from "../bench/figures/eval-throughput.js";

describe("replicateGoldens", () => {
  it("builds the requested number of cases with unique ids from the shipped goldens", async () => {
    const shipped = await loadGoldens("goldens/gate");
    const suite = replicateGoldens([shipped], 100);
    const ids = suite.cases.map((c) => c.golden.id);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
  });

  it("keeps each copy's input and expectation identical to its source case", async () => {
    const shipped = await loadGoldens("goldens/gate");
    const suite = replicateGoldens([shipped], shipped.cases.length + 1);
    const copy = suite.cases[shipped.cases.length]!.golden;
    const source = shipped.cases[0]!.golden;
    expect(copy.id).toBe(`${source.id}#1`);
    expect({ ...copy, id: source.id }).toEqual(source);
  });
});
