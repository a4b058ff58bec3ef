// The public API. Named exports only, so growing it is always a decision.
export { LEVELS, DECISION_TYPES } from "./types.js";
export type {
  Level,
  Severity,
  Violation,
  Draft,
  Expectation,
  Step,
  Evidence,
  GateInput,
  LevelFlags,
  LevelResult,
  Provenance,
  Mode,
  Route,
  DecisionType,
  Decision,
  Eligibility,
  Verdict,
} from "./types.js";
export {
  AutonomyGateError,
  GateConfigError,
  InvalidResumeError,
  OperationRefusedError,
  NotFoundError,
} from "./errors.js";
export { PACKAGE_VERSION } from "./version.js";
