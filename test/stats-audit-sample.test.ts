import { describe, expect, it } from "vitest";
import { sha256 } from "../src/hash.js";
import { isAuditSampled } from "../src/stats/audit-sample.js";

// 10,000 fixed, well-spread draft hashes: sha256 of the index.
const HASHES = Array.from({ length: 10_000 }, (_, i) => sha256(`draft-${i}`));

describe("audit sampling (DESIGN §5)", () => {
  it("draws the same answer for the same draft hash every time", () => {
    for (const hash of HASHES.slice(0, 200)) {
      expect(isAuditSampled(hash, 0.05)).toBe(isAuditSampled(hash, 0.05));
    }
  });

  it("samples within one percentage point of 5% over 10,000 hashes", () => {
    const share = HASHES.filter((hash) => isAuditSampled(hash, 0.05)).length / HASHES.length;
    expect(share).toBeGreaterThanOrEqual(0.04);
    expect(share).toBeLessThanOrEqual(0.06);
  });

  it("samples within one percentage point of 20% over 10,000 hashes", () => {
    const share = HASHES.filter((hash) => isAuditSampled(hash, 0.2)).length / HASHES.length;
    expect(Math.abs(share - 0.2)).toBeLessThanOrEqual(0.01);
  });

  it("never samples at rate 0 and always samples at rate 1", () => {
    expect(HASHES.some((hash) => isAuditSampled(hash, 0))).toBe(false);
    expect(HASHES.every((hash) => isAuditSampled(hash, 1))).toBe(true);
  });

  it("draws a different sample under a different salt", () => {
    const plain = HASHES.map((hash) => isAuditSampled(hash, 0.05));
    const salted = HASHES.map((hash) => isAuditSampled(hash, 0.05, "scope:outreach"));
    const overlap = plain.filter((drawn, i) => drawn && salted[i]).length;
    // Independent 5% draws overlap on about 0.25% of 10,000 = 25 hashes, far from the ~500 drawn.
    expect(overlap).toBeLessThan(100);
  });

  it.each([-0.1, 1.01, Number.NaN])("refuses rate %d", (rate) => {
    expect(() => isAuditSampled(HASHES[0]!, rate)).toThrow(RangeError);
  });
});
