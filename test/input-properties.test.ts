// Property suite of issue 11: arbitrary, hostile GateInput values and options (≥ 10,000 cases a
// run). Every case is a GateConfigError at createGate naming the bad option, or a verdict; nothing
// type-invalid or unrepresentable routes auto; every verdict of a gate with a store is stored.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { switchMode } from "../src/decisions/modes.js";
import { GateConfigError } from "../src/errors.js";
import { createGate } from "../src/gate/create-gate.js";
import type { Gate } from "../src/gate/types.js";
import { canonicalInput } from "../src/input/canonical.js";
import { judgedTexts } from "../src/input/judged-texts.js";
import { DEFAULT_FLIP_POLICY } from "../src/stats/policy.js";
import type { GateStore } from "../src/store/types.js";
import type { GateInput, Verdict } from "../src/types.js";
import { RecordingJudge, cleanInput, reply } from "./helpers/engine-fakes.js";
import { memoryStore } from "./helpers/store-fixtures.js";

/** Each case must settle within this budget (the judge is instant; only the gate's own work counts). */
const CASE_BUDGET_MS = 3000;
const SCOPE = "prop:auto";
/**
 * Each property runs thousands of cases: its wall-clock limit is generous on purpose (a loaded CI
 * machine is slow); what is asserted is the per-case budget above, not the suite's speed.
 */
const SUITE_TIMEOUT_MS = 600_000;

/** A prebuilt value past the size bound: rendering it must be cut, not exhaust the process. */
const HUGE = Array.from({ length: 250_000 }, (_, i) => i);
const DEEP = (() => {
  let v: Record<string, unknown> = { leaf: "end" };
  for (let i = 0; i < 500; i++) v = { next: v };
  return v;
})();

const hostile = (inner: fc.Arbitrary<unknown>) =>
  fc.oneof(
    inner.map((v) => {
      const o: Record<string, unknown> = { v };
      o.self = o;
      return o;
    }),
    inner.map((v) => {
      const shared = { v };
      return { a: shared, b: [shared, shared] };
    }),
    fc.bigInt().map((b) => ({ amount: b })),
    fc.array(fc.tuple(fc.anything(), inner), { maxLength: 3 }).map((entries) => new Map(entries)),
    fc.array(inner, { maxLength: 3 }).map((items) => new Set(items)),
    fc.date({ noInvalidDate: false }),
    fc.constant(() => "fn"),
    fc.constant(Symbol("s")),
    fc.constant(Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("getter"); } })),
    inner.map((v) => ({ real: 84.5, toJSON: () => v })),
    fc.constant({ toJSON: () => { throw new Error("toJSON"); } }),
    fc.constant(new Uint8Array([1, 2, 3])),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, "\uD800lone", "\u0000ctl"),
    fc.constant(DEEP),
  );

/** Rare: rendering a value past the bound costs the whole budget, so it is drawn about once in 500. */
const withHuge = (inner: fc.Arbitrary<unknown>) => fc.oneof({ weight: 500, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(HUGE) });

const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 4 }),
    hostile(fc.oneof(fc.string(), fc.integer())),
  ),
}));
const caseValueArb = withHuge(valueArb);

const stepArb = fc.oneof(
  fc.record({ name: fc.string({ maxLength: 12 }), output: valueArb }, { requiredKeys: ["name", "output"] }),
  fc.record({ name: fc.string({ maxLength: 12 }), output: valueArb, expected: fc.oneof(fc.integer(), fc.string(), valueArb) }),
  valueArb,
);
const field = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: valueArb });

const inputArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 9, arbitrary: fc.record(
    {
      goal: field(fc.string()),
      steps: field(fc.array(stepArb, { maxLength: 4 })),
      draft: field(fc.oneof(fc.string(), fc.record({ text: fc.string(), args: fc.option(valueArb, { nil: undefined }) }))),
      evidence: field(fc.oneof(fc.string(), fc.dictionary(fc.string({ maxLength: 6 }), valueArb, { maxKeys: 4 }))),
      expectations: field(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string(), valueArb), { maxKeys: 3 })),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: caseValueArb },
);

/** A clean input with one field replaced: most cases stay close enough to pass, so `auto` is reachable. */
const nearCleanArb = fc.tuple(fc.constantFrom("goal", "steps", "draft", "evidence", "expectations", "none"), caseValueArb).map(([key, value]) => {
  const input: Record<string, unknown> = { ...cleanInput() };
  if (key !== "none") input[key] = value;
  return input;
});

/** Whether a value is one the canonical view renders faithfully and the GateInput type allows. */
const isClean = (input: unknown) => canonicalInput(input).problems.length === 0;

function withinBudget<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`case over its ${CASE_BUDGET_MS} ms budget`)), CASE_BUDGET_MS);
  });
  return Promise.race([work(), budget]).then((result) => {
    clearTimeout(timer);
    // The timer cannot fire while the loop is blocked: a case that blocked past the budget fails too.
    const elapsed = performance.now() - started;
    if (elapsed > CASE_BUDGET_MS) throw new Error(`case blocked the event loop for ${Math.round(elapsed)} ms`);
    return result;
  }, (error: unknown) => {
    clearTimeout(timer);
    throw error;
  });
}

let store: GateStore;
let gate: Gate;

beforeAll(async () => {
  store = memoryStore();
  await store.setPolicy(SCOPE, { ...DEFAULT_FLIP_POLICY, minDecided: 1, auditRate: 0 }, "test");
  gate = createGate({ judge: new RecordingJudge([reply(0.95)]), store, scope: SCOPE, escalation: { repeatedFailure: false, lowConfidence: false } });
  const earned = await gate.evaluate(cleanInput(), { threadId: "earn" });
  await gate.decide(earned.id, { type: "approve" });
  await switchMode(store, SCOPE, "auto", { actor: "test" });
  // The scope really is in auto: a clean draft goes auto, so the property below is not vacuous.
  expect((await gate.evaluate(cleanInput({ goal: "probe" }), { threadId: "probe" })).route).toBe("auto");
});
afterAll(() => store?.close());

async function checkVerdict(input: unknown, threadId: string): Promise<Verdict> {
  const verdict = await withinBudget(() => gate.evaluate(input as GateInput, { threadId }));
  if (!isClean(input)) {
    expect(verdict.route).not.toBe("auto");
    expect(verdict.passed).toBe(false);
    expect(verdict.violations.some((v) => v.code === "invalid_input" && v.severity === "hard")).toBe(true);
  }
  if (verdict.stored !== false) expect(await store.getVerdict(verdict.id)).not.toBeNull();
  return verdict;
}

describe("the gate over arbitrary input", () => {
  it("renders any value as bounded plain JSON with problems by path, never throwing (8,000 cases)", async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => {
        const view = await withinBudget(async () => canonicalInput(input));
        // Plain JSON: a round trip changes nothing.
        const { problems, ...rest } = view;
        expect(JSON.parse(JSON.stringify(rest))).toEqual(rest);
        for (const p of problems) expect(p.path).toMatch(/^(input|goal|steps|draft|evidence|expectations|scope)/);
        for (const t of judgedTexts(view)) expect(typeof t.text).toBe("string");
      }),
      { numRuns: Number(process.env.PROP_A ?? 8000) },
    );
  }, SUITE_TIMEOUT_MS);

  it("answers every input with a stored verdict that never goes auto unless clean (1,000 cases)", async () => {
    let i = 0;
    let auto = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(inputArb, nearCleanArb), async (input) => {
        const verdict = await checkVerdict(input, `t${i++}`);
        if (verdict.route === "auto") auto++;
      }),
      { numRuns: Number(process.env.PROP_B ?? 1000) },
    );
    expect(auto).toBeGreaterThan(0);
  }, SUITE_TIMEOUT_MS);

  it("answers arbitrary options with a GateConfigError naming the option, or a gate that judges (1,000 cases)", async () => {
    const optionArb = fc.record(
      {
        levels: fc.oneof(fc.constant(["outcome"]), valueArb),
        passThreshold: fc.oneof(fc.double(), valueArb),
        judgeTimeoutMs: fc.oneof(fc.integer(), valueArb),
        guardrails: fc.oneof(fc.record({ maxDraftChars: fc.integer() }, { requiredKeys: [] }), valueArb),
        severity: fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.constantFrom("hard", "soft")), valueArb),
        killSwitch: fc.oneof(fc.boolean(), valueArb),
        scope: fc.oneof(fc.string(), valueArb),
        policy: fc.oneof(fc.record({ minDecided: fc.integer() }, { requiredKeys: [] }), valueArb),
        escalation: fc.oneof(fc.record({ loop: fc.constant(false) }, { requiredKeys: [] }), valueArb),
        competence: valueArb,
        store: fc.oneof(fc.constant(undefined), valueArb),
        unknownOption: valueArb,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(optionArb, valueArb), inputArb, async (options, input) => {
        let candidate: Gate;
        try {
          candidate = createGate(options as never);
        } catch (error) {
          expect(error).toBeInstanceOf(GateConfigError);
          // Names the bad option by its path (`severity`, `guardrails.maxDraftChars`, `[" "]`).
          expect((error as GateConfigError).option.length, String((error as Error).message)).toBeGreaterThan(0);
          return;
        }
        const verdict = await withinBudget(() => candidate.evaluate(input as GateInput));
        expect(verdict.route).not.toBe("auto");
      }),
      { numRuns: Number(process.env.PROP_C ?? 1000) },
    );
  }, SUITE_TIMEOUT_MS);
});
