import { afterEach, describe, expect, it } from "vitest";
import { escalationIdFor } from "../src/escalation/package.js";
import type { EscalationPackage } from "../src/escalation/types.js";
import { createEscalateNode, DEFAULT_FALLBACK_MESSAGE } from "../src/nodes/escalate.js";
import type { GateStore } from "../src/store/types.js";
import type { GateInput } from "../src/types.js";
import { supportInput } from "./helpers/escalation-fixtures.js";
import { escalationTestGate } from "./helpers/escalation-gate.js";
import { makeVerdict, memoryStore } from "./helpers/store-fixtures.js";

const THREAD = "ticket-7";
const EMAIL = "ada.moreau@example.com";
const input: GateInput = supportInput({
  draft: { text: `Hi Ada, I have refunded 29.00. We will write to ${EMAIL}.`, args: { to: EMAIL, refund: { amount: 29 } } },
  evidence: { ticket: `Refund me or my lawyer will be in touch. Reach me at ${EMAIL}.`, account: { tier: "standard" } },
});
const maskEmail = (pkg: EscalationPackage): EscalationPackage => JSON.parse(JSON.stringify(pkg).replaceAll(EMAIL, "[email]"));

let store: GateStore;
afterEach(() => store?.close());

async function escalateOnce(redact = maskEmail) {
  store = memoryStore();
  // An earlier, rejected attempt on the same thread.
  const earlier = makeVerdict({
    id: "v-earlier",
    scope: "support:reply",
    threadId: THREAD,
    passed: false,
    composite: 0.4,
    violations: [{ code: "spam_phrase", severity: "hard", level: "outcome" }],
    createdAt: "2025-01-01T00:00:00.000Z",
    decision: { type: "reject", at: "2025-01-01T01:00:00.000Z" },
  });
  await store.saveVerdict(earlier);
  const gate = escalationTestGate(store);
  const verdict = await gate.evaluate(input, { threadId: THREAD });
  const node = createEscalateNode<{ ticket: string }>(gate, {
    select: () => input,
    routing: { rules: [{ codes: ["sensitive"], queue: "support-legal", priority: "urgent" }] },
    redact,
  });
  const state = { ticket: "T-7", gate: { verdictId: verdict.id, route: verdict.route, verdict }, escalation: null };
  const update = await node(state);
  return { verdict, update };
}

describe("the escalation package", () => {
  it("holds goal, attempts, steps, best guess, evidence, triggers and verdict, field by field", async () => {
    const { verdict } = await escalateOnce();
    const record = await store.getEscalation(escalationIdFor(verdict.id));
    const pkg = record?.package;
    expect(verdict.route).toBe("escalate");
    expect(pkg?.escalationId).toBe(escalationIdFor(verdict.id));
    expect(pkg?.scope).toBe("support:reply");
    expect(pkg?.threadId).toBe(THREAD);
    expect(pkg?.goal).toBe(input.goal);
    expect(pkg?.attempts).toEqual([
      { verdictId: "v-earlier", passed: false, composite: 0.4, violations: ["spam_phrase"], route: "human", decision: "reject", createdAt: "2025-01-01T00:00:00.000Z" },
      {
        verdictId: verdict.id,
        passed: true,
        composite: verdict.composite,
        violations: verdict.violations.map((v) => v.code),
        route: "escalate",
        decision: null,
        createdAt: verdict.createdAt,
      },
    ]);
    expect(pkg?.steps).toEqual(input.steps);
    expect(pkg?.bestGuess).toEqual({ text: "Hi Ada, I have refunded 29.00. We will write to [email].", args: { to: "[email]", refund: { amount: 29 } } });
    expect(pkg?.evidence).toEqual({ ticket: "Refund me or my lawyer will be in touch. Reach me at [email].", account: { tier: "standard" } });
    expect(pkg?.triggers).toEqual([{ code: "sensitive", reason: "a legal threat in the evidence" }]);
    expect(pkg?.verdict).toEqual({
      verdictId: verdict.id,
      passed: verdict.passed,
      composite: verdict.composite,
      levels: verdict.levels.map(({ level, score, reason }) => ({ level, score, reason })),
      violations: verdict.violations,
      unscored: verdict.unscored,
      rationale: verdict.rationale,
      mode: "shadow",
    });
  });

  it("routes the record by the rules and writes the handoff and the fallback message into state", async () => {
    const { verdict, update } = await escalateOnce();
    const id = escalationIdFor(verdict.id);
    expect(await store.getEscalation(id)).toMatchObject({ queue: "support-legal", priority: "urgent", codes: ["sensitive"], status: "open" });
    expect(update).toEqual({
      gate: { verdictId: verdict.id, route: "escalate", verdict, escalationId: id },
      escalation: {
        escalationId: id,
        verdictId: verdict.id,
        queue: "support-legal",
        priority: "urgent",
        codes: ["sensitive"],
        fallbackMessage: DEFAULT_FALLBACK_MESSAGE,
        status: "open",
        resolution: null,
      },
    });
  });

  it("applies the redaction hook before anything is persisted", async () => {
    const { verdict } = await escalateOnce();
    const record = await store.getEscalation(escalationIdFor(verdict.id));
    const audit = await store.listAudit();
    expect(JSON.stringify(record)).not.toContain(EMAIL);
    expect(JSON.stringify(audit)).not.toContain(EMAIL);
    expect(audit.map((a) => a.kind)).toContain("escalation_opened");
    // The verdict row never holds draft text at all.
    expect(JSON.stringify(await store.getVerdict(verdict.id))).not.toContain("refunded 29.00");
  });

  it("persists nothing when the redaction hook fails", async () => {
    await expect(
      escalateOnce(() => {
        throw new Error("PII service down");
      }),
    ).rejects.toThrow(/redact hook failed.*PII service down/);
    expect(await store.listEscalations()).toEqual([]);
    expect((await store.listAudit()).map((a) => a.kind)).not.toContain("escalation_opened");
  });

  it("writes one record however often the hand-off runs", async () => {
    const { verdict } = await escalateOnce();
    const gate = escalationTestGate(store);
    const node = createEscalateNode<{ ticket: string }>(gate, { select: () => input });
    const state = { ticket: "T-7", gate: { verdictId: verdict.id, route: verdict.route, verdict }, escalation: null };
    await node(state);
    expect(await store.listEscalations()).toHaveLength(1);
  });
});
