import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("public API (DESIGN §10)", () => {
  it("exports the factories, the state fragment and the routing helpers under their contract names", () => {
    for (const name of ["createGateStore", "createGate", "createGateDraftNode", "createAwaitApprovalNode", "routeAfterGate", "routeAfterApproval", "createEscalateNode", "routeAfterEscalate"]) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(api.gateStateFields).toHaveProperty("gate");
  });

  it("does not export the guardrail lists, which stay inside the evaluation code", () => {
    const names = Object.keys(api);
    expect(names.filter((n) => /SPAM|INJECTION_MARKERS|PLACEHOLDER_STYLES/.test(n))).toEqual([]);
  });
});
