import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competenceBand } from "../src/competence/band.js";
import { isLowCompetence, withCompetence } from "../src/competence/enforce.js";
import { checkDifficulty, competenceSignal, reviseStrength, undoStrength, updateStrength } from "../src/competence/ledger.js";
import { DEFAULT_COMPETENCE, resolveCompetence } from "../src/competence/options.js";
import { GateConfigError } from "../src/errors.js";
import type { Eligibility } from "../src/types.js";

describe("the competence update (success s + α·d·min(1, 2.5(1 − s)), failure s − β·(1 + s/2)/d)", () => {
  it.each([
    // strength, decision, difficulty, expected (α 0.03, β 0.09)
    [0.3, "approve", 1.0, 0.33],
    [0.3, "approve", 0.5, 0.315],
    [0.8, "approve", 1.0, 0.815],
    [0.8, "approve", 2.0, 0.83],
    [0.5, "reject", 1.0, 0.3875],
    [0.5, "reject", 0.5, 0.275],
    [0.5, "reject", 2.0, 0.44375],
    [0.5, "edit", 1.0, 0.3875],
    [0.5, "skip", 2.0, 0.5],
  ] as const)("from %s, %s at difficulty %s gives %s", (strength, decision, difficulty, expected) => {
    expect(updateStrength(strength, { signal: competenceSignal(decision), difficulty })).toBeCloseTo(expected, 12);
  });

  it.each([
    ["success at 1 stays at 1", 1, 1, 2.0, 1],
    ["failure near the bottom clips at 0", 0.05, -1, 0.5, 0],
    ["failure at 0 stays at 0", 0, -1, 0.5, 0],
  ] as const)("%s", (_label, strength, signal, difficulty, expected) => {
    expect(updateStrength(strength, { signal, difficulty })).toBe(expected);
  });

  it("uses the configured α and β", () => {
    expect(updateStrength(0.3, { signal: 1, difficulty: 1 }, { alpha: 0.1, beta: 0.09 })).toBeCloseTo(0.4, 12);
    expect(updateStrength(0.5, { signal: -1, difficulty: 1 }, { alpha: 0.03, beta: 0.2 })).toBeCloseTo(0.25, 12);
  });

  it("stays in [0, 1] for any sequence of decisions and difficulties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ signal: fc.constantFrom(-1 as const, 0 as const, 1 as const), difficulty: fc.double({ min: 0.5, max: 2, noNaN: true }) })),
        (steps) => {
          const end = steps.reduce((s, e) => updateStrength(s, e), DEFAULT_COMPETENCE.initial);
          return end >= 0 && end <= 1;
        },
      ),
    );
  });

  it("undoing an update gives back the strength it started from (away from the clip at 0)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.constantFrom(-1 as const, 1 as const),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (strength, signal, difficulty) => {
          const evidence = { signal, difficulty };
          return Math.abs(undoStrength(updateStrength(strength, evidence), evidence) - strength) < 1e-9;
        },
      ),
    );
  });

  it.each([0.49, 2.01, Number.NaN, Number.POSITIVE_INFINITY, -1])("refuses difficulty %s, naming the valid range", (difficulty) => {
    expect(() => updateStrength(0.5, { signal: 1, difficulty })).toThrow(GateConfigError);
    expect(() => checkDifficulty(difficulty)).toThrow(/`difficulty`.*\[0\.5, 2\]/);
  });

  it("a missing difficulty weighs 1", () => {
    expect(checkDifficulty(undefined)).toBe(1);
  });

  it("a changed decision replaces the earlier contribution instead of adding to it", () => {
    const afterApprove = updateStrength(0.5, { signal: 1, difficulty: 1 });
    const corrected = reviseStrength(afterApprove, { signal: -1, difficulty: 1 }, { signal: 1, difficulty: 1 });
    expect(corrected).toBeCloseTo(updateStrength(0.5, { signal: -1, difficulty: 1 }), 12);
  });
});

describe("bands", () => {
  it.each([
    [0, "guidance-seeking"],
    [0.399, "guidance-seeking"],
    [0.4, "proposal"],
    [0.699, "proposal"],
    [0.7, "autonomous"],
    [1, "autonomous"],
  ] as const)("strength %s is %s", (strength, band) => {
    expect(competenceBand(strength)).toBe(band);
  });

  it("a success lifts a scope just below the autonomous band into it, and a failure drops it back", () => {
    const up = updateStrength(0.69, { signal: 1, difficulty: 1 });
    expect([competenceBand(0.69), competenceBand(up)]).toEqual(["proposal", "autonomous"]);
    const down = updateStrength(up, { signal: -1, difficulty: 2 });
    expect(competenceBand(down)).toBe("proposal");
  });

  it("an easy failure drops a proposal scope to guidance-seeking", () => {
    expect(competenceBand(updateStrength(0.45, { signal: -1, difficulty: 0.5 }))).toBe("guidance-seeking");
  });

  it("uses configured thresholds", () => {
    expect(competenceBand(0.5, resolveCompetence({ proposalAt: 0.6, autonomousAt: 0.9 }))).toBe("guidance-seeking");
  });
});

describe("competence options", () => {
  it("defaults to α 0.03, β 0.09, initial 0.3 (guidance-seeking), bands at 0.4 and 0.7, not enforced", () => {
    expect(resolveCompetence()).toEqual({ alpha: 0.03, beta: 0.09, initial: 0.3, proposalAt: 0.4, autonomousAt: 0.7, enforce: false });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["alpha", { alpha: 0 }, /`competence\.alpha`: received 0; expected a number in \(0, 0\.2\]/],
    ["beta", { beta: 0.6 }, /`competence\.beta`: received 0\.6; expected a number in \(0, 0\.5\]/],
    ["initial", { initial: 1.2 }, /`competence\.initial`: received 1\.2/],
    ["enforce", { enforce: "yes" }, /`competence\.enforce`: received "yes"; expected a boolean/],
    ["an unknown field", { enforced: true }, /`competence\.enforced`.*valid fields: alpha, beta, initial/],
    ["crossed bands", { proposalAt: 0.8, autonomousAt: 0.7 }, /`competence\.autonomousAt`.*above proposalAt \(0\.8\)/],
  ])("rejects a bad %s with GateConfigError naming it", (_label, input, message) => {
    expect(() => resolveCompetence(input)).toThrow(GateConfigError);
    expect(() => resolveCompetence(input)).toThrow(message);
  });
});

describe("enforcement (opt-in)", () => {
  const eligible: Eligibility = { eligible: true, reasons: [], n: 60, agreement: 0.9, wilsonLower: 0.8, kappa: 0.7, rejectedPasses: 0 };

  it("without enforce, competence changes nothing", () => {
    expect(withCompetence(eligible, 0.1, resolveCompetence())).toBe(eligible);
    expect(isLowCompetence(0.1, resolveCompetence())).toBe(false);
  });

  it("with enforce, auto also needs the autonomous band and the reason says so", () => {
    const result = withCompetence(eligible, 0.55, resolveCompetence({ enforce: true }));
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(["competence 0.55 (proposal) below the autonomous band (≥ 0.70)"]);
    expect(withCompetence(eligible, 0.7, resolveCompetence({ enforce: true })).eligible).toBe(true);
  });

  it("with enforce, only a guidance-seeking scope is low competence (the low_competence trigger)", () => {
    const config = resolveCompetence({ enforce: true });
    expect([isLowCompetence(0.39, config), isLowCompetence(0.4, config)]).toEqual([true, false]);
  });
});
