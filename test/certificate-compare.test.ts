import { describe, expect, it } from "vitest";
import { provenanceChanges } from "../src/certificate/compare.js";
import { hashMatches, sealCertificate } from "../src/certificate/seal.js";
import type { AutonomyCertificate } from "../src/certificate/types.js";
import type { Provenance } from "../src/types.js";

const base: Provenance = {
  prompts: ["step-expectations@1", "trajectory@1", "outcome-compliance@1"],
  guardrailSetVersion: "guardrails@1",
  judgeModels: { step: "m1", trajectory: "m1", outcome: "m1" },
  packageVersion: "0.1.0",
  passThreshold: 0.8,
  provenanceKey: "k1",
};

describe("provenanceChanges", () => {
  it("finds nothing when the versions and the key are the same", () => {
    expect(provenanceChanges(base, { ...base, prompts: [...base.prompts].reverse() })).toEqual([]);
  });

  it("names each changed part by version, not just the key", () => {
    const live: Provenance = {
      prompts: ["step-expectations@1", "outcome-compliance@2", "loop-check@1"],
      guardrailSetVersion: "guardrails@2",
      judgeModels: { step: "m1", trajectory: "m1", outcome: "m2" },
      packageVersion: "0.2.0",
      passThreshold: 0.85,
      provenanceKey: "k2",
    };
    expect(provenanceChanges(base, live)).toEqual([
      "judge prompt trajectory@1 removed",
      "judge prompt outcome-compliance@1 → outcome-compliance@2",
      "judge prompt loop-check@1 added",
      "guardrail set guardrails@1 → guardrails@2",
      "judge model (outcome) m1 → m2",
      "pass threshold 0.8 → 0.85",
      "package version 0.1.0 → 0.2.0",
    ]);
  });

  it("reports a changed key even when every listed version is equal", () => {
    expect(provenanceChanges(base, { ...base, provenanceKey: "k9" })).toEqual(["provenance key k1 → k9"]);
  });
});

describe("the content hash", () => {
  it("matches for the sealed content and fails after any field changes", () => {
    const sealed = sealCertificate({ scope: "s", level: "L4" } as unknown as Omit<AutonomyCertificate, "contentHash">);
    expect(hashMatches(sealed)).toBe(true);
    expect(hashMatches({ ...sealed, level: "L5" })).toBe(false);
    expect(hashMatches({ ...sealed, contentHash: undefined })).toBe(false);
    expect(hashMatches(null)).toBe(false);
  });
});
