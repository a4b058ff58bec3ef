import { describe, expect, it } from "vitest";
import { decideRoute, type RoutableAssessment, type RouteContext } from "../src/decisions/decide-route.js";

const passing: RoutableAssessment = { passed: true, unscored: [], violations: [] };
const autoReady: RouteContext = {
  mode: "auto",
  eligible: true,
  breaker: "closed",
  killSwitch: false,
  auditSampled: false,
  escalation: [],
};

describe("routing (DESIGN §4)", () => {
  it("a passing verdict in an eligible auto scope is auto-approved", () => {
    expect(decideRoute(passing, autoReady)).toEqual({ route: "auto", auditSampled: false, reasons: [] });
  });

  it("shadow mode always routes to the human, even for a perfect verdict", () => {
    expect(decideRoute(passing, { ...autoReady, mode: "shadow" }).route).toBe("human");
  });

  const toHuman: Array<[string, RoutableAssessment, RouteContext, string]> = [
    ["an unscored level", { ...passing, unscored: ["trajectory"] }, autoReady, "unscored level(s): trajectory"],
    [
      "a hard violation",
      { ...passing, violations: [{ code: "unresolved_placeholder", severity: "hard", level: "outcome" }] },
      autoReady,
      "hard violation",
    ],
    ["a failed verdict", { ...passing, passed: false }, autoReady, "verdict did not pass"],
    ["an ineligible scope", passing, { ...autoReady, eligible: false }, "scope not eligible"],
    ["an open breaker", passing, { ...autoReady, breaker: "open" }, "breaker open"],
    ["the kill switch", passing, { ...autoReady, killSwitch: true }, "kill switch is on"],
    ["an audit-sampled draft", passing, { ...autoReady, auditSampled: true }, "drawn for the audit sample"],
  ];
  it.each(toHuman)("in auto mode %s sends the draft to the human", (_name, assessment, ctx, reason) => {
    const decision = decideRoute(assessment, ctx);
    expect(decision.route).toBe("human");
    expect(decision.reasons).toContain(reason);
  });

  it("an audit-sampled draft is marked as sampled only when it would otherwise have gone auto", () => {
    expect(decideRoute(passing, { ...autoReady, auditSampled: true }).auditSampled).toBe(true);
    expect(decideRoute({ ...passing, passed: false }, { ...autoReady, auditSampled: true }).auditSampled).toBe(false);
  });

  it("an escalation trigger overrides auto-approval", () => {
    expect(decideRoute(passing, { ...autoReady, escalation: ["sensitive"] }).route).toBe("escalate");
  });

  it("an escalation trigger overrides the shadow-mode approval interrupt", () => {
    expect(decideRoute(passing, { ...autoReady, mode: "shadow", escalation: ["loop"] }).route).toBe("escalate");
  });
});
