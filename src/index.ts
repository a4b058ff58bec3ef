// The public API. Named exports only, so growing it is always a decision.

// Vocabulary
export { LEVELS, DECISION_TYPES, HITL_DECISION_TYPES, ROUTES } from "./types.js";
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
  TokenUsage,
  Provenance,
  AgentSpec,
  AgentSpecValue,
  Mode,
  Route,
  DecisionType,
  HitlDecisionType,
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
  StoreUnavailableError,
} from "./errors.js";
export { PACKAGE_VERSION } from "./version.js";

// The gate
export { createGate } from "./gate/create-gate.js";
export type { Gate, Assessment, AssessContext, EvaluateContext } from "./gate/types.js";
export type { GateOptions, GateJudges, GuardrailOptions, ResolvedGateOptions } from "./gate/options.js";
export { JUDGE_MODES } from "./gate/judge-mode.js";
export type { JudgeMode } from "./gate/judge-mode.js";
export { VIOLATION_CODES } from "./evaluation/codes.js";
export { GUARDRAIL_SET_VERSION, BUILTIN_GUARDRAIL_CODES } from "./evaluation/guardrails/index.js";
export type { Guardrail, GuardrailContext, BuiltinGuardrailCode } from "./evaluation/guardrails/index.js";
export {
  STEP_EXPECTATIONS_PROMPT,
  STEP_WELLFORMED_PROMPT,
  TRAJECTORY_PROMPT,
  OUTCOME_PROMPT,
  JUDGE_SYSTEM,
} from "./evaluation/judge/prompts.js";
export { COMBINED_PROMPT } from "./evaluation/judge/combined-prompt.js";
export type { CombinedPrompt } from "./evaluation/judge/combined-prompt.js";
export type { JudgePrompt } from "./evaluation/judge/prompts.js";
export { JudgeOutputSchema } from "./evaluation/judge/schema.js";
export type { JudgeOutput } from "./evaluation/judge/schema.js";
export type { JudgeModel } from "./evaluation/judge/model.js";

// Graph surface: nodes, state, routing
export { createGateDraftNode } from "./nodes/gate-draft.js";
export type { GateDraftNodeOptions } from "./nodes/gate-draft.js";
export { createAwaitApprovalNode } from "./nodes/await-approval.js";
export type { AwaitApprovalNodeOptions } from "./nodes/await-approval.js";
export type { ActionRequest, ApprovalRequest, GateSummary, BlindGateSummary } from "./nodes/approval-payload.js";
export { parseResume } from "./nodes/resume.js";
export type { HumanDecision } from "./nodes/resume.js";
export { gateStateFields, gateStateSchemaFields, GateStateAnnotation } from "./nodes/state.js";
export type { GateSlot } from "./nodes/state.js";
export type { GateLike } from "./nodes/gate-like.js";
export { routeAfterGate, routeAfterApproval } from "./nodes/edges.js";
export type { GateEdge, GateRouteTargets, ApprovalRouteTargets } from "./nodes/edges.js";
export { decideRoute } from "./decisions/decide-route.js";
export type { RoutableAssessment, RouteContext, RouteDecision } from "./decisions/decide-route.js";

// Escalation
export { createEscalateNode, DEFAULT_FALLBACK_MESSAGE } from "./nodes/escalate.js";
export type { EscalateNodeOptions, EscalationGateLike } from "./nodes/escalate.js";
export { escalationStateFields, routeAfterEscalate } from "./escalation/handoff.js";
export type { EscalationHandoff, EscalationRequest, EscalateRouteTargets } from "./escalation/handoff.js";
export { createEscalationTriggers } from "./escalation/triggers.js";
export type { EscalationTriggers, TriggerContext } from "./escalation/triggers.js";
export type {
  EscalationTriggerOptions,
  LowConfidenceOptions,
  RepeatedFailureOptions,
  LoopOptions,
  AmbiguityOptions,
  SensitiveOptions,
  HostPredicate,
} from "./escalation/trigger-options.js";
export { ESCALATION_CODES } from "./escalation/codes.js";
export type { EscalationCode, EscalationTrigger } from "./escalation/codes.js";
export { SENSITIVE_CATEGORIES } from "./escalation/sensitive-phrases.js";
export type { SensitiveCategory } from "./escalation/sensitive-phrases.js";
export { createEscalationRouter, ESCALATION_PRIORITIES } from "./escalation/routing-rules.js";
export type {
  EscalationRule,
  EscalationRoutingOptions,
  EscalationRoute,
  EscalationPriority,
  EscalationRouter,
} from "./escalation/routing-rules.js";
export { resolveEscalation } from "./escalation/resolution.js";
export { escalationIdFor } from "./escalation/package.js";
export type { RedactPackage } from "./escalation/package.js";
export { ESCALATION_OUTCOMES } from "./escalation/types.js";
export type {
  EscalationPackage,
  EscalationAttempt,
  EscalationVerdictSummary,
  EscalationRecord,
  EscalationResolution,
  ResolutionInput,
  EscalationOutcome,
  EscalationStatus,
  EscalationStats,
  EscalationStore,
  NewEscalation,
} from "./escalation/types.js";
export { escalationKpis } from "./decisions/escalation-kpis.js";
export type { EscalationKpis } from "./decisions/escalation-kpis.js";

// Competence ledger, levels, certificates, report
export { competenceBand, COMPETENCE_BANDS } from "./competence/band.js";
export type { CompetenceBand } from "./competence/band.js";
export { updateStrength, reviseStrength, competenceSignal, checkDifficulty, MIN_DIFFICULTY, MAX_DIFFICULTY } from "./competence/ledger.js";
export type { CompetenceEvidence, CompetenceSignal } from "./competence/ledger.js";
export { resolveCompetence, DEFAULT_COMPETENCE } from "./competence/options.js";
export type { CompetenceOptions, CompetenceConfig } from "./competence/options.js";
export { withCompetence, isLowCompetence } from "./competence/enforce.js";
export { AUTONOMY_LEVELS, LEVEL_ROLES, AUTO_LEVEL, autonomyLevel, parseAutonomyLevel, isBelow, maxLevel } from "./competence/levels.js";
export { AUTONOMY_RATE_BANDS, AUTONOMY_RATE_RANGES, autonomyRateBand } from "./competence/autonomy-band.js";
export type { AutonomyRateBand } from "./competence/autonomy-band.js";
export type { AutonomyLevel, LevelInputs } from "./competence/levels.js";
export { issueCertificate } from "./certificate/issue.js";
export type { IssueCertificateOptions } from "./certificate/issue.js";
export { verifyCertificate } from "./certificate/verify.js";
export { provenanceChanges } from "./certificate/compare.js";
export { CERTIFICATE_KIND } from "./certificate/types.js";
export type { AutonomyCertificate, CertificateEvidence, CertificateCheck, CertificateSignature } from "./certificate/types.js";
export { signCertificate, checkSignature, generateSigningKeys } from "./certificate/sign.js";
export { resolveAgentSpec } from "./gate/agent-spec.js";
export { generateReport } from "./report/generate-report.js";
export type { ReportOptions } from "./report/generate-report.js";

// Operator console
export { createConsoleServer } from "./console/server.js";
export type { ConsoleServer } from "./console/server.js";
export type { ConsoleOptions, DraftLookup } from "./console/options.js";
export type { AuditItem, AuditQueueSource } from "./console/audit-items.js";
export type {
  LedgerStore,
  CompetenceState,
  CompetenceEntry,
  CompetenceInput,
  DecidedRecord,
  DailyActivity,
  PolicyVersion,
} from "./store/ledger-types.js";

// Decisions: backfill, modes, status
export { backfillDecision } from "./decisions/backfill.js";
export type { DecisionInput } from "./decisions/backfill.js";
export { reviewPostHoc, breakerOnWrongReview } from "./decisions/post-hoc-review.js";
export { calibrateScope } from "./decisions/calibrate.js";
export type { ScopeCalibration, CalibrationOptions } from "./decisions/calibrate.js";
export { reliabilityTable, brierScore, levelAgreement, rollingAgreement, recount, tune } from "./stats/calibration.js";
export type { CalibrationRecord, ReliabilityBucket, TuneCandidate } from "./stats/calibration.js";
export type { EscalationTrend, EscalationWindow } from "./escalation/types.js";
export type { PostHocReviewInput, PostHocReviewResult } from "./decisions/post-hoc-review.js";
export { POST_HOC_FINDINGS } from "./store/post-hoc-types.js";
export type { PostHocFinding, PostHocReview, PostHocStats, PostHocStore, VerdictListFilter } from "./store/post-hoc-types.js";
export { switchMode } from "./decisions/modes.js";
export type { SwitchModeOptions } from "./decisions/modes.js";
export { scopeEligibility } from "./decisions/eligibility.js";
export { computeStatus } from "./decisions/status.js";
export type { ScopeStatus, StatusOptions } from "./decisions/status.js";
export { tokenFigures } from "./decisions/token-figures.js";
export type { TokenFigures, TokenDay } from "./decisions/token-figures.js";

// Statistics of the flip
export { agrees, isRejectedPass, addDecision, tally, summarize, EMPTY_COUNTS } from "./stats/agreement.js";
export type { AgreementSummary } from "./stats/agreement.js";
export { wilsonInterval, wilsonLower, WILSON_Z } from "./stats/wilson.js";
export type { WilsonInterval } from "./stats/wilson.js";
export { cohensKappa } from "./stats/kappa.js";
export { DEFAULT_FLIP_POLICY, SEED_FLIP_POLICY, SEQUENTIAL_FLIP_POLICY, STRICT_FLIP_POLICY, resolvePolicy } from "./stats/policy.js";
export { evaluateSequential } from "./stats/sequential-rule.js";
export type { SequentialRule } from "./stats/sequential-rule.js";
export { sprtLogRatio, alphaForRestart } from "./stats/sequential.js";
export { rejectedPassRule } from "./stats/rejected-pass-rate.js";
export type { RejectedPassRule } from "./stats/rejected-pass-rate.js";
export { checkBreaker, passReviewObservation } from "./stats/breaker.js";
export type { BreakerCheck, BreakerObservation } from "./stats/breaker.js";
export { designCusum, cusumAlarmProbability } from "./stats/cusum.js";
export type { CusumDesign } from "./stats/cusum.js";
export { reviewerReport, blindSeenAgreement } from "./stats/reviewers.js";
export type { ReviewerReport, ReviewRecord, BlindSeenAgreement, ReviewerReportOptions } from "./stats/reviewers.js";
export { evaluateEligibility } from "./stats/criterion.js";
export { isAuditSampled } from "./stats/audit-sample.js";
export { isPostHocSampled, DEFAULT_POST_HOC_RATE } from "./stats/post-hoc-sample.js";
export { checkSwingBack } from "./stats/swing-back.js";
export type { SwingBackCheck } from "./stats/swing-back.js";

// Persistence
export { createGateStore, DEFAULT_STORE_URL } from "./store/create-gate-store.js";
export { migrate, findMigrationsFolder } from "./store/migrate.js";
export type { MigrateOptions, LibsqlClientLike } from "./store/migrate.js";
export type { ConnectionTarget } from "./store/target.js";
export { auditHash, GENESIS_HASH } from "./store/audit-hash.js";
export type {
  GateStore,
  GateStoreOptions,
  FlipPolicy,
  AgreementCounts,
  ScopeState,
  BreakerState,
  AuditEntry,
  AuditInput,
  AuditVerification,
  DecisionResult,
} from "./store/types.js";

// Golden evals
export { runGoldens, meetsBar } from "../evals/run-goldens.js";
export type { RunGoldensOptions, GoldenResult, SuiteResult, GoldenRunReport } from "../evals/run-goldens.js";
export { loadGoldens, loadGoldenSuites, GoldenValidationError } from "../evals/load-goldens.js";
export type { GoldenProblem, GoldenSuite, LoadedGolden } from "../evals/load-goldens.js";
export { goldenCaseSchema } from "../evals/golden-schema.js";
export type { GoldenCase, GoldenExpected } from "../evals/golden-schema.js";
export { toJUnitXml } from "../evals/junit.js";
export { toMarkdownSummary } from "../evals/summary.js";
