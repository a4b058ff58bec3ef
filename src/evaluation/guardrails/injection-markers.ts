/**
 * Prompt-injection markers, matched over folded text (lower case, NFKC, homoglyphs folded,
 * newlines kept). Grouped by kind so a violation can say what it saw without quoting it.
 * Any change here must bump GUARDRAIL_SET_VERSION.
 */

/** Names our own and other common prompt fences use; a close tag of one of these is a breakout try. */
const FENCE_NAMES =
  "draft|evidence|data|run_data|steps?|goal|expectations?|system|instructions?|context|input|output|documents?|user|assistant|prompt|content|untrusted";

const QUALIFIER =
  "all|any|every|previous|prior|above|earlier|preceding|foregoing|original|initial|system|your|these|those";
const FILLER = "the|of|all|any|my|your|these|those|every|other";
const TARGET =
  "instructions?|prompts?|directions?|rules?|guidelines?|guidance|messages?|context|commands?|orders?|constraints?|programming|guardrails?";
const PERSONA =
  "ai|assistant|model|bot|chatbot|mode|dan|jailbroken|unrestricted|unfiltered|uncensored|developer|admin|administrator|root|system|evaluator|judge|grader|liberated";

export interface InjectionMarker {
  kind: "fence-break" | "override" | "role-switch" | "persona" | "prompt-leak" | "judge-bait";
  pattern: RegExp;
}

export const INJECTION_MARKERS: readonly InjectionMarker[] = [
  { kind: "fence-break", pattern: new RegExp(`<\\s*/\\s*(?:${FENCE_NAMES})\\s*>`) },
  { kind: "fence-break", pattern: /\]\]>/ },
  { kind: "fence-break", pattern: /(?:^|\n)[ \-=#*[]*end (?:of )?(?:the )?(?:draft|data|input|evidence|document|instructions|prompt)\b/ },
  {
    kind: "override",
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|override|bypass|skip|drop|abandon|neglect)\\s+(?:(?:${FILLER})\\s+)*(?:${QUALIFIER})\\s+(?:(?:${FILLER}|${QUALIFIER})\\s+)*(?:${TARGET})\\b`,
    ),
  },
  {
    kind: "override",
    pattern: /\b(?:ignore|disregard|forget)\s+(?:everything|anything|all)\s+(?:above|before|prior|previously|earlier|you (?:were|have been) told)\b/,
  },
  {
    kind: "override",
    pattern: new RegExp(`\\b(?:do not|don't|dont|stop|never)\\s+(?:follow|obey|listen to)(?:ing)?\\s+(?:(?:${FILLER}|${QUALIFIER})\\s+)*(?:${TARGET})\\b`),
  },
  { kind: "override", pattern: /\b(?:new|updated|revised|real|actual|true|additional) (?:system )?instructions? ?:/ },
  { kind: "override", pattern: /\byour (?:new|real|actual|true) (?:instructions?|task|goal|role|purpose|job) (?:is|are)\b/ },
  { kind: "role-switch", pattern: /(?:^|\n)\s*(?:system|assistant|developer|human|user)\s*:/ },
  { kind: "role-switch", pattern: /\b(?:system|developer)\s*(?:prompt|message|override)?\s*:\s*(?:you|ignore|new|from now|override|disregard)\b/ },
  { kind: "role-switch", pattern: /<\|[a-z_]{2,24}\|>/ },
  { kind: "role-switch", pattern: /#{2,}\s*(?:system|instructions?|response|assistant|user|human)\b/ },
  { kind: "role-switch", pattern: /\[\/?(?:inst|system|sys|assistant)\]/ },
  { kind: "role-switch", pattern: /<<\s*\/?\s*sys\s*>>/ },
  { kind: "role-switch", pattern: new RegExp(`<\\s*(?:system|instructions?)\\s*>`) },
  { kind: "persona", pattern: new RegExp(`\\byou are now (?:a |an |the |in |my |our )?(?:[\\w-]+ ){0,3}?(?:${PERSONA})\\b`) },
  { kind: "persona", pattern: /\bfrom now on,? you (?:are|will|must|shall|should)\b/ },
  {
    kind: "persona",
    pattern: new RegExp(`\\b(?:act|behave|respond) as (?:if you (?:are|were) )?(?:a |an )?(?:[\\w-]+ ){0,2}?(?:${PERSONA})\\b`),
  },
  { kind: "persona", pattern: /\b(?:developer|god|jailbreak|dan) mode\b|\bdo anything now\b|\bjailbreak/ },
  {
    kind: "prompt-leak",
    pattern: /\b(?:reveal|print|show|repeat|output|leak|display)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+prompt|initial\s+prompt|hidden\s+(?:prompt|instructions)|instructions|prompt)\b/,
  },
  {
    kind: "judge-bait",
    pattern: /\b(?:score|rate|grade|mark)\s+(?:this|it|me|the (?:draft|email|message|response))(?: (?:draft|email|message|response))?\s+(?:as\s+|with\s+|at\s+)?(?:a\s+)?(?:1(?:\.0+)?\b|10\b|100\b|perfect|highly|maximum|max\b|full marks|top)/,
  },
  { kind: "judge-bait", pattern: /"(?:score|reasoning)"\s*:/ },
  { kind: "judge-bait", pattern: /\b(?:note|message|instructions?) (?:to|for) (?:the |any )?(?:ai|llm|judge|grader|evaluator|model|reviewer bot)\b/ },
  { kind: "judge-bait", pattern: /\bdear (?:ai|llm|judge|grader|evaluator|language model)\b/ },
  { kind: "judge-bait", pattern: /\b(?:auto-?)?approve this (?:draft|email|message)\b|\bmust (?:pass|be approved)\b/ },
];
