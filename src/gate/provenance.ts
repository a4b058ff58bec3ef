import { GUARDRAIL_SET_VERSION, type GuardrailSetConfig } from "../evaluation/guardrails/index.js";
import { judgeModelId, type JudgeModel } from "../evaluation/judge/model.js";
import { COMBINED_PROMPT } from "../evaluation/judge/combined-prompt.js";
import { PROMPTS_BY_LEVEL } from "../evaluation/judge/prompts.js";
import { hashValue } from "../hash.js";
import { LEVELS, type AgentSpec, type Level, type Provenance, type Severity } from "../types.js";
import { PACKAGE_VERSION } from "../version.js";
import type { JudgeMode } from "./judge-mode.js";
import { DEFAULT_MAX_DRAFT_CHARS } from "./options.js";

export interface ProvenanceInput {
  levels: readonly Level[];
  judges: Record<Level, JudgeModel | null>;
  guardrails: GuardrailSetConfig;
  severity: Record<string, Severity>;
  passThreshold: number;
  /** Combined mode adds its own prompt id ahead of the level prompts whose tasks it carries. @default "per-level" */
  judgeMode?: JudgeMode;
  /** The composer's declared specification, when the host declared one. */
  agent?: AgentSpec;
}

/**
 * The guardrail set this gate really runs: the built-in version, plus a short hash when the host
 * changed it (limit, disabled built-ins, host guardrails by function name, severity overrides),
 * since any of those changes what passes and so the evidence the flip rests on.
 */
function guardrailSetVersion({ guardrails, severity }: ProvenanceInput): string {
  const changes = {
    maxDraftChars: guardrails.maxDraftChars === DEFAULT_MAX_DRAFT_CHARS ? undefined : guardrails.maxDraftChars,
    disable: guardrails.disable.length > 0 ? [...guardrails.disable].sort() : undefined,
    custom: guardrails.custom.length > 0 ? guardrails.custom.map((fn, i) => fn.name || `#${i + 1}`) : undefined,
    severity: Object.keys(severity).length > 0 ? severity : undefined,
  };
  if (Object.values(changes).every((v) => v === undefined)) return GUARDRAIL_SET_VERSION;
  return `${GUARDRAIL_SET_VERSION}+${hashValue(changes).slice(0, 12)}`;
}

/**
 * Provenance of every verdict of one gate: prompt `id@version`s of the requested levels (led by
 * the combined prompt's in combined mode, so the two modes are different evidence), the
 * guardrail set version, the judge model id per level (`none` when a level is not requested or
 * has no judge), the package version, the pass threshold, the declared agent specification (when
 * there is one: without it the key is what it always was), and `provenanceKey`, a stable hash of
 * all of these.
 */
export function buildProvenance(input: ProvenanceInput): Provenance {
  const levelPrompts = input.levels.flatMap((level) => PROMPTS_BY_LEVEL[level].map((p) => p.id));
  const prompts = input.judgeMode === "combined" ? [COMBINED_PROMPT.id, ...levelPrompts] : levelPrompts;
  const judgeModels = Object.fromEntries(
    LEVELS.map((level) => {
      const judge = input.levels.includes(level) ? input.judges[level] : null;
      return [level, judge ? judgeModelId(judge) : "none"];
    }),
  ) as Record<Level, string>;
  const fields = {
    prompts,
    guardrailSetVersion: guardrailSetVersion(input),
    judgeModels,
    packageVersion: PACKAGE_VERSION,
    passThreshold: input.passThreshold,
    ...(input.agent === undefined ? {} : { agent: input.agent }),
  };
  return { ...fields, provenanceKey: hashValue(fields) };
}
