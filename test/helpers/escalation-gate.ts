import type { EscalationTriggerOptions } from "../../src/escalation/trigger-options.js";
import { createGate } from "../../src/gate/create-gate.js";
import type { GateOptions } from "../../src/gate/options.js";
import type { GateStore } from "../../src/store/types.js";
import { levelJudges } from "./engine-fakes.js";

/** The packaged gate over `store`, with fake judges scoring 0.9 everywhere and a fixed clock. */
export function escalationTestGate(
  store: GateStore,
  options: { escalation?: EscalationTriggerOptions; judge?: GateOptions["judge"]; now?: () => Date } = {},
) {
  return createGate({
    judge: options.judge ?? levelJudges(),
    store,
    now: options.now ?? (() => new Date("2025-01-02T03:04:05.000Z")),
    scope: "support:reply",
    ...(options.escalation ? { escalation: options.escalation } : {}),
  });
}
