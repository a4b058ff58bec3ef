import { describe, expect, it } from "vitest";
import { createEscalationRouter } from "../src/escalation/routing-rules.js";
import { GateConfigError } from "../src/errors.js";

describe("escalation routing rules", () => {
  const route = createEscalationRouter({
    rules: [
      { codes: ["sensitive"], scope: "support:*", queue: "support-legal", priority: "urgent" },
      { codes: ["sensitive"], queue: "trust-and-safety", priority: "high" },
      { scope: "support:refund", queue: "billing" },
      { codes: ["loop", "repeated_failure"], queue: "agent-ops", priority: "low" },
    ],
    defaultQueue: "tier-2",
  });

  it("takes the first rule that matches both code and scope", () => {
    expect(route(["low_confidence", "sensitive"], "support:reply")).toEqual({ queue: "support-legal", priority: "urgent", rule: 0 });
  });

  it("falls through to a later rule when the scope does not match", () => {
    expect(route(["sensitive"], "outreach:first_touch")).toEqual({ queue: "trust-and-safety", priority: "high", rule: 1 });
  });

  it("routes by scope alone, with priority normal by default", () => {
    expect(route(["ambiguity"], "support:refund")).toEqual({ queue: "billing", priority: "normal", rule: 2 });
  });

  it("matches any one of a rule's codes", () => {
    expect(route(["repeated_failure"], "outreach:first_touch").queue).toBe("agent-ops");
  });

  it("uses the default queue when nothing matches", () => {
    expect(route(["low_confidence"], "outreach:first_touch")).toEqual({ queue: "tier-2", priority: "normal", rule: null });
  });

  it("defaults to the escalations queue with no rules at all", () => {
    expect(createEscalationRouter()(["loop"], "any")).toEqual({ queue: "escalations", priority: "normal", rule: null });
  });

  it("treats scope patterns as exact apart from *", () => {
    const exact = createEscalationRouter({ rules: [{ scope: "support.reply", queue: "q" }] });
    expect(exact([], "supportXreply").rule).toBeNull();
    expect(exact([], "support.reply").rule).toBe(0);
  });

  it("rejects a rule without codes or scope, naming it", () => {
    expect(() => createEscalationRouter({ rules: [{ queue: "q" }] })).toThrow(GateConfigError);
    expect(() => createEscalationRouter({ rules: [{ queue: "q" }] })).toThrow(/routing\.rules\[0\]/);
  });

  it("rejects an unknown code, an empty queue and a bad priority", () => {
    expect(() => createEscalationRouter({ rules: [{ codes: ["angry" as "loop"], queue: "q" }] })).toThrow(/routing\.rules\[0\]/);
    expect(() => createEscalationRouter({ rules: [{ codes: ["loop"], queue: " " }] })).toThrow(/routing\.rules\[0\]/);
    expect(() => createEscalationRouter({ defaultPriority: "asap" as "high" })).toThrow(/routing\.defaultPriority.*urgent/);
    expect(() => createEscalationRouter({ defaultQueue: "" })).toThrow(/routing\.defaultQueue/);
  });
});
