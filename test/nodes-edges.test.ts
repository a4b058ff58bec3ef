import { describe, expect, it } from "vitest";
import { GateConfigError } from "../src/errors.js";
import { routeAfterApproval, routeAfterGate } from "../src/nodes/edges.js";
import type { GateSlot } from "../src/nodes/state.js";
import type { Decision, Route } from "../src/types.js";

const slot = (route: Route, decision?: Decision["type"]) =>
  ({ gate: { verdictId: "v", route, ...(decision ? { decision: { type: decision } } : {}) } as unknown as GateSlot });

describe("conditional edges and their path maps", () => {
  it("routeAfterGate's path map lists each target once, defaults included", () => {
    expect(routeAfterGate({ auto: "send" }).pathMap).toEqual(["send", "await_approval", "escalate"]);
    expect(routeAfterGate({ auto: "send", escalate: "await_approval" }).pathMap).toEqual(["send", "await_approval"]);
  });

  it("routeAfterApproval's path map holds skip only when a skip target is given", () => {
    expect(routeAfterApproval({ approve: "send", reject: "end" }).pathMap).toEqual(["send", "end"]);
    expect(routeAfterApproval({ approve: "send", edit: "review", reject: "end", skip: "later" }).pathMap).toEqual([
      "send",
      "review",
      "end",
      "later",
    ]);
  });

  it("a skip goes to its explicit target", () => {
    const edge = routeAfterApproval({ approve: "send", reject: "end", skip: "later" });
    expect(edge(slot("human", "skip"))).toBe("later");
    expect(edge(slot("human", "reject"))).toBe("end");
  });

  it("a skip without a skip target throws instead of defaulting to reject", () => {
    const edge = routeAfterApproval({ approve: "send", reject: "end" });
    expect(() => edge(slot("human", "skip"))).toThrow(GateConfigError);
    expect(() => edge(slot("human", "skip"))).toThrow(/routeAfterApproval\.skip/);
  });

  it("no decision in state never reaches the action", () => {
    expect(routeAfterApproval({ approve: "send", reject: "end" })(slot("human"))).toBe("end");
    expect(routeAfterApproval({ approve: "send", reject: "end" })({ gate: null })).toBe("end");
  });
});
