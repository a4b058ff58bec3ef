import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, medianOfRuns, percentile, perSecond, ratio, summarize } from "../bench/stats.js";

describe("percentile", () => {
  it("interpolates linearly between the closest ranks", () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([10, 20, 30, 40], 25)).toBeCloseTo(17.5);
  });

  it("returns the minimum at p0 and the maximum at p100", () => {
    expect(percentile([5, 1, 9, 3], 0)).toBe(1);
    expect(percentile([5, 1, 9, 3], 100)).toBe(9);
  });

  it("does not depend on the input order and leaves the input unsorted", () => {
    const input = [3, 1, 2];
    expect(percentile(input, 50)).toBe(2);
    expect(input).toEqual([3, 1, 2]);
  });

  it("puts p99 of a 100-value sample between its two largest values", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBeCloseTo(99.01);
  });

  it("refuses an empty sample", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
  });

  it("refuses a percentile outside [0, 100]", () => {
    expect(() => percentile([1], 101)).toThrow(/\[0, 100\]/);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it("always lies between the sample's minimum and maximum and grows with p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const pLo = percentile(values, lo);
          const pHi = percentile(values, hi);
          expect(pLo).toBeGreaterThanOrEqual(Math.min(...values));
          expect(pHi).toBeLessThanOrEqual(Math.max(...values));
          expect(pHi).toBeGreaterThanOrEqual(pLo - 1e-9 * Math.max(1, Math.abs(pLo)));
        },
      ),
    );
  });
});

describe("median", () => {
  it("is the middle value of an odd sample", () => {
    expect(median([7, 1, 4])).toBe(4);
  });

  it("is the mean of the two middle values of an even sample", () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe("ratio", () => {
  it("divides the numerator by the denominator", () => {
    expect(ratio(3, 2)).toBe(1.5);
  });

  it("is NaN, not Infinity, when the denominator is zero", () => {
    expect(ratio(1, 0)).toBeNaN();
  });
});

describe("summarize", () => {
  it("reports p50, p99 and the sample size", () => {
    expect(summarize([1, 2, 3])).toEqual({ p50: 2, p99: percentile([1, 2, 3], 99), n: 3 });
  });
});

describe("medianOfRuns", () => {
  it("takes the median of each field across runs, not a pooled value", () => {
    const runs = [
      { p50: 1, ratio: 2 },
      { p50: 3, ratio: 9 },
      { p50: 2, ratio: 4 },
    ];
    expect(medianOfRuns(runs)).toEqual({ p50: 2, ratio: 4 });
  });

  it("refuses zero runs", () => {
    expect(() => medianOfRuns([])).toThrow(RangeError);
  });
});

describe("perSecond", () => {
  it("converts a count over milliseconds into a rate per second", () => {
    expect(perSecond(500, 250)).toBe(2000);
  });

  it("is NaN for a zero duration", () => {
    expect(perSecond(10, 0)).toBeNaN();
  });
});
