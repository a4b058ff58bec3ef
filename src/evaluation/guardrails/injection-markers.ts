/**
 * Prompt-injection markers: structure markers (fence closers, chat-template tokens, role headers,
 * JSON shaped like the judge's answer) and the English marker families. Other languages live in
 * injection-markers-intl.ts (Latin script) and injection-markers-asian.ts (Cyrillic, CJK).
 * Latin-view markers see lower-cased, accent-stripped, look-alike-folded text with newlines kept
 * (see injection-normalize.ts). Grouped by kind so a violation can say what it saw without
 * quoting it. Kept in the evaluation code only (DESIGN §3.9); any change bumps
 * GUARDRAIL_SET_VERSION.
 */
import { INTL_MARKERS } from "./injection-markers-intl.js";
import { ASIAN_MARKERS } from "./injection-markers-asian.js";
import type { InjectionMarker } from "./injection-marker-types.js";

/** Names our own and other common prompt fences use; a close tag of one of these is a breakout try. */
const FENCE_NAMES =
  "draft|evidence|data|run[_ ]data|steps?|goal|expectations?|system|instructions?|context|input|output|documents?|user|assistant|prompt|content|untrusted";
const QUALIFIER =
  "all|any|every|previous|prior|above|earlier|preceding|foregoing|original|initial|system|your|these|those";
const FILLER = "the|of|all|any|my|your|these|those|every|other|above|and";
const TARGET =
  "instructions?|prompts?|directions?|rules?|guidelines?|guidance|messages?|context|commands?|orders?|constraints?|programming|guardrails?|directives?|polic(?:y|ies)|restrictions?|safeguards?|system prompt";
const PERSONA =
  "ai|assistant|model|llm|bot|chatbot|mode|dan|jailbroken|unrestricted|unfiltered|uncensored|evaluator|judge|grader|liberated";
const MACHINE =
  "ai|a\\.i\\.|llm|gpt|chatgpt|claude|gemini|large language model|language model|chatbot|bot|evaluator|grader|grading model|scoring model|judge model|automated (?:reviewer|grader|evaluator|system|judge)|ai (?:model|system|judge|grader|evaluator|reviewer)";
const HUMAN_GROUP = "(?! (?:team|company|industry|startup|group|department|product|platform|vendor|project|committee|panel|board|conference|summit|roadmap|strategy|budget|features?)\\b)";
const SCHEMA_KEYS = "passed|approved|pass|auto[_ ]?approve|hard[_ ]?violations|violations|composite|verdict";

const en = (kind: InjectionMarker["kind"], pattern: RegExp): InjectionMarker => ({ kind, lang: "en", view: "latin", pattern });
const st = (kind: InjectionMarker["kind"], pattern: RegExp): InjectionMarker => ({ kind, lang: "any", view: "latin", pattern });

const STRUCTURE: InjectionMarker[] = [
  st("fence-break", new RegExp(`<\\s*/\\s*(?:${FENCE_NAMES})\\s*>`)),
  st("fence-break", /\]\]>/),
  st("fence-break", /(?:^|\n|[-=#*]{2,})[ \-=#*[]*end (?:of )?(?:the )?(?:draft|data|input|evidence|document|instructions|prompt|system prompt|context)\b/),
  st("structure", /<\|[a-z_ ]{2,24}\|>|<\/?s>\s*\[inst\]/),
  st("structure", /\[\/?(?:inst|system|sys|assistant|user)\]|<<\s*\/?\s*sys\s*>>/),
  st("structure", new RegExp(`<\\s*(?:system|instructions?|sys|developer)\\s*>`)),
  st("structure", /(?:^|\n)\s*(?:system|assistant|developer|human|user)\s*:/),
  st("structure", /(?:^|\n)\s*#{1,6}\s*(?:system|instructions?|response|assistant|user|human|developer)(?: (?:prompt|message|instructions?|override))?\s*:?\s*(?:\n|$)/),
  st("structure", /#{2,}\s*(?:instruction|response|system)\s*:|#{2,}\s*(?:system|instructions?|assistant|user|human|developer)(?: (?:prompt|message|instructions?))?\s*:?\s*(?:\n|$)/),
  st("structure", /\[\s*(?:system|admin|developer|operator) (?:message|note|override|instructions?|prompt)\s*\]/),
  st("structure", /["']?\brole["']?\s*[:=]\s*["']?(?:system|developer)["']?\s*(?:[,}\n]|$|content\b)/),
  st("structure", /["']role["']\s*:\s*["'](?:assistant|tool|user)["']/),
  st("structure", /<!--[^>]{0,300}?\b(?:ai|llm|assistant|evaluators?|graders?|judges?|models?|reviewers?|bots?|instructions?|ignore|system|prompt)\b/),
  st("output-forcing", /"(?:reasoning|rationale)"\s*:\s*"/),
  st("output-forcing", /"score"\s*:\s*(?:1(?:\.0+)?|0?\.9\d*|10|100)\s*[,}]/),
  st("output-forcing", new RegExp(`"(?:${SCHEMA_KEYS})"\\s*:\\s*(?:true|\\[\\s*\\]|"?yes|1\\b)`)),
  st("output-forcing", /"flags"\s*:\s*\{|\bhard[_ ]?violations\s*[:=]|\bpassed\s*[:=]\s*true\b/),
];

const ENGLISH: InjectionMarker[] = [
  en("override", new RegExp(`\\b(?:ignore|disregard|forget|override|bypass|skip|drop|abandon|neglect|discard|cancel|nullify|set aside|throw out|pay no (?:attention|heed) to)\\s+(?:(?:${FILLER})\\s+)*(?:${QUALIFIER})\\s+(?:(?:${FILLER}|${QUALIFIER})\\s+)*(?:${TARGET})\\b`)),
  en("override", /\b(?:ignore|disregard|forget)\s+(?:everything|anything|all)\s+(?:(?:that|you've|you have|you were|i)\s+)?(?:above|before|prior|previously|earlier|said|told|(?:(?:were|have been|been) )?(?:told|taught|instructed|given))\b/),
  en("override", /\b(?:forget|ignore|disregard) (?:what|whatever) (?:you (?:were|have been|'ve been) )?(?:told|taught|instructed|programmed)\b|\bforget (?:all )?your (?:training|programming|guidelines|rules|instructions)\b/),
  en("override", new RegExp(`\\b(?:do not|don't|dont|stop|never|no longer)\\s+(?:follow|obey|listen to|heed|comply with)(?:ing)?\\s+(?:(?:${FILLER}|${QUALIFIER})\\s+)*(?:${TARGET})\\b`)),
  en("override", /\b(?:new|updated|revised|real|actual|true|additional|override|priority|urgent) (?:system )?(?:instructions?|directives?|orders?)\s*:/),
  en("override", /\byour (?:new|real|actual|true|only) (?:instructions?|task|goal|role|purpose|job|objective|mission) (?:is|are|will be|now)\b/),
  en("override", /\b(?:new|updated|revised|urgent|priority|special) (?:instructions?|orders?|directives?|rules) from (?:your |the )?(?:developers?|admin(?:istrator)?s?|system|operators?|creators?|owners?|openai|anthropic|security team|engineering team)\b/),
  en("override", /\b(?:begin|start)(?:ning)?(?: of)?(?: a| the)? new (?:system )?(?:prompt|instructions?|session|conversation|task|context)\b|\bnew (?:system )?prompt\s*[:\-]/),
  en("override", /\b(?:previous|prior|above|earlier|original|all|old|system) (?:instructions?|rules|guidelines|prompts?|directives?) (?:are|is|have been|has been) (?:now )?(?:void|cancell?ed|obsolete|null|revoked|rescinded|superseded|outdated|replaced|lifted|no longer (?:valid|apply|in effect|relevant))\b/),
  en("override", /(?:^|\n|[.!;] )override\s*:\s*(?:set|the|ignore|score|pass|all|you|mark|return)\b/),
  en("override", /\b(?:instructions?|rules|guidelines|prompts?|directives?|orders)\s+(?:that\s+)?you(?:'ve| have)?\s+(?:got|gotten|received|were given|been given|were told|read)\s+(?:\w+\s+){0,3}?(?:earlier|before|previously|so far|above|until now)\b[^.\n]{0,60}?\b(?:throw|toss|cancel|ignore|disregard|forget|discard|void|null|mistake|obsolete|no longer|wrong|invalid)/),
  en("override", /\b(?:previous|prior|original|system|current|old) (?:prompt|instructions?|context) (?:is |has been |was )?(?:terminated|reset|cleared|wiped)\b|\b(?:awaiting|await|ready for|accepting) (?:new|fresh|further|updated) (?:orders|instructions|commands|directives|prompts?)\b/),
  en("role-switch", /\byou(?:'re| are)(?: now)? (?:a |an |the )?(?:\w+ )?(?:lenient|friendly|generous|kind|forgiving|relaxed|soft|nice|easy) (?:reviewer|grader|judge|evaluator|critic|marker)\b/),
  en("role-switch", /\b(?:switch|change|swap|new) (?:your )?(?:personas?|roles?|identity|character)\s*[:,.-]|\byou are (?:now )?(?:called |named )?[a-z]+(?:bot|gpt|llm)\b/),
  en("role-switch", new RegExp(`\\byou are now (?:a |an |the |in |my |our )?(?:[\\w-]+ ){0,3}?(?:${PERSONA})\\b`)),
  en("role-switch", /\bfrom now on,? (?:you (?:are|will|must|shall|should)|act|behave|respond|pretend|answer)\b/),
  en("role-switch", new RegExp(`\\b(?:act|behave|respond|operate|function) (?:as|like) (?:if you (?:are|were) )?(?:a |an |the )?(?:[\\w-]+ ){0,2}?(?:${PERSONA})\\b`)),
  en("role-switch", new RegExp(`\\bpretend(?:ing)? (?:that )?(?:you(?:'re| are| were)|to be|you're) (?:a |an |the )?(?:[\\w-]+ ){0,4}?(?:${PERSONA}|with(?:out)? (?:no |any )?(?:rules|restrictions|limits|filters|guidelines))\\b`)),
  en("role-switch", new RegExp(`\\b(?:role-?play|roleplay|play the role of|take on the role of|assume the role of|impersonate) (?:as )?(?:a |an |the )?(?:[\\w-]+ ){0,3}?(?:${PERSONA})\\b`)),
  en("role-switch", new RegExp(`\\byou are no longer (?:an? |the )?(?:[\\w-]+ ){0,2}?(?:${PERSONA}|bound by|restricted|limited)\\b`)),
  en("role-switch", /\b(?:god|jailbreak|dan|sudo|unrestricted|unfiltered|uncensored) mode\b|\bdo anything now\b|\bjailbr(?:eak|oken)/),
  en("role-switch", /\b(?:i am|i'm|this is) your (?:developer|creator|admin(?:istrator)?|operator|programmer|owner|master|maker)\b/),
  en("role-switch", /\b(?:answer|respond|reply|operate|act|behave|output)\w*\s+(?:\w+\s+){0,3}?without (?:any )?(?:restrictions|rules|filters|limits|guidelines|censorship|guardrails)\b/),
  en("role-switch", /\byou (?:have|has) no (?:rules|restrictions|limits|filters|guidelines|guardrails)\b/),
  en("evaluator-addressed", new RegExp(`\\b(?:note|message|instructions?|memo|attention|attn|reminder|hint|tip|psa|warning|request|p\\.?s\\.?)\\s*(?:to|for)\\s+(?:the |any |all |our |every )?(?:${MACHINE}|judges?|graders?|evaluators?|models?|reviewer bots?)s?\\b${HUMAN_GROUP}`)),
  en("evaluator-addressed", new RegExp(`\\b(?:attention|attn|hey|hello|hi|dear|calling all|greetings)\\s*[,:]?\\s+(?:the |any |all |you )?(?:${MACHINE}|graders?|evaluators?|grading|scoring|evaluation)(?: (?:model|models|system|bot|assistant|agent|engine|ai|llm))?\\b${HUMAN_GROUP}`)),
  en("evaluator-addressed", /\bif you(?:'re| are) (?:an? |the )?(?:ai|a\.i\.|llm|large language model|language model|chatbot|gpt|bot|evaluator|grader|automated (?:system|reviewer|grader|evaluator)|machine|artificial intelligence)\b/),
  en("evaluator-addressed", new RegExp(`\\b(?:${MACHINE}|models?|systems?|assistants?)s? (?:that is |who is |which is )?(?:reading|processing|evaluating|grading|reviewing|scoring|parsing|analy[sz]ing|judging) (?:this|these|the following|my|our)\\b`)),
  en("evaluator-addressed", /\bto (?:whoever|whatever|any (?:ai|model|system|bot|llm)|the (?:ai|model|llm|system)) (?:is |that is )?(?:reading|evaluating|grading|scoring|processing|reviewing) this\b/),
  en("evaluator-addressed", new RegExp(`\\b(?:the |any |an? )?(?:graders?|evaluators?|scoring models?|grading models?|judge models?|reviewer bots?|llms?|language models?|ai (?:models?|systems?|judges?|graders?|evaluators?))\\s+(?:should|must|will|shall|needs? to|is (?:instructed|required|asked) to|has to)\\s+(?:(?:\\w+)\\s+){0,3}?(?:pass|approve|output|respond|ignore|return|give (?:this|it))\\b`)),
  en("evaluator-addressed", new RegExp(`(?:^|\\n|[.!?] )(?:dear |hey |attention |to (?:the |all |any )?)?(?:${MACHINE}|graders?|evaluators?)s?\\s*[:,]`)),
  en("output-forcing", /\b(?:the )?(?:correct|right|expected|only acceptable|appropriate|proper|final) (?:verdict|score|rating|grade|evaluation|answer|output)\s+(?:for (?:this|the) (?:\w+\s+)?)?(?:is|=|:|would be|should be)\s+(?:a\s+)?(?:pass(?:ed)?|approved?|1(?:\.0)?\b|10\b|100\b|perfect|compliant|true)/),
  en("output-forcing", /\b(?:score|rate|grade|mark)\s+(?:this|it|me|the (?:draft|email|message|response|output))(?: (?:draft|email|message|response))?\s+(?:as\s+|with\s+|at\s+|a\s+)*(?:1(?:\.0+)?\b|10\b|100\b|perfect|highly|maximum|max\b|full marks|top|passing|passed|compliant)/),
  en("output-forcing", /\b(?:give|assign|award|output|return|grant)s?\s+(?:(?:this|it|the|draft|email|message|response)\s+){0,3}(?:a |the )?(?:perfect|maximum|max|full|highest|top|passing)\s+(?:score|rating|marks?|grade)\b/),
  en("output-forcing", /\b(?:respond|reply|answer|output|return|print|say|write|emit)\s+(?:\w+\s+){0,2}?(?:only|just|exactly|nothing but|solely)\s+(?:with\s*|the\s+)?(?:(?:the )?(?:word|string|token|text|value) )?(?:[:"'`{]|json|pass(?:ed)?\b|approved?\b|true\b|1(?:\.0)?\b|10\b|score\b|a score)/),
  en("output-forcing", /\b(?:set|make|change|force|mark)\s+(?:the\s+|this\s+|your\s+)?(?:score|verdict|composite|passed|rating|grade|hard[_ ]violations|violations)\s+(?:to|=|as)\s/),
  en("output-forcing", /\b(?:auto-?approve|auto-?pass)\b|\bapprove this (?:draft|email|message|response) (?:without|automatically|immediately|regardless)\b/),
  en("output-forcing", /\b(?:this|the) (?:draft|email|message|response|output) (?:must|should|shall|has to|needs to) (?:pass|be (?:approved|accepted|passed|marked (?:as )?(?:passed|compliant)|rated|scored))\b(?! by\b)/),
  en("output-forcing", /\bmark (?:this|it) as (?:passed|compliant|safe|clean|perfect)\b|\b(?:output|return|print|emit) (?:the )?(?:following|this) (?:json|verdict|score|result)\b/),
  en("secret-extraction", /\b(?:reveal|print|show|repeat|output|leak|display|tell|list|share|dump|disclose|expose|give|send|paste|recite)\s+(?:me\s+|us\s+)?(?:all\s+)?(?:your|the|of your)\s+(?:full |complete |exact |entire |whole |hidden |secret |internal )?(?:(?:system|initial|original|hidden|secret|internal|developer|evaluation|scoring|grading|judging|judge)\s+(?:prompts?|instructions?|rules|rubrics?|guidelines|criteria|lists?|configuration|message)|system prompt|prompt|rubrics?|guardrails?|instructions|(?:list of )?(?:spam|banned|blocked|trigger|forbidden|flagged|filtered)\s+(?:phrases|words|terms|keywords)|(?:phrase|word|keyword|block|spam)\s?list|api keys?|secret keys?|passwords?|credentials)\b/),
  en("secret-extraction", /\b(?:reveal|print|show|list|share|tell|paste|dump|disclose|output|give|send|recite|enumerate)\s+(?:me\s+|us\s+)?(?:all\s+)?(?:the|your)\s+(?:\w+\s+){0,2}?(?:criteria|rules|checks|instructions|prompt|phrases|keywords|words|guidelines|filters?|heuristics)\s+(?:that\s+)?you\s+(?:use|apply|follow|check|run)\s+(?:to|for|when)\s+(?:detect|flag|grade|grading|score|scoring|judge|judging|evaluate|evaluating|filter|filtering|catch|spot)/),
  en("secret-extraction", /\b(?:full|complete|exact|entire|whole|verbatim) (?:text|content|copy|wording) of (?:your|the) (?:instructions|system prompt|prompt|rules|rubric|guidelines)\b/),
  en("secret-extraction", /\bwhat (?:is|are|were) your (?:system prompt|(?:initial|original|hidden|secret|exact|system) instructions|rules for (?:scoring|grading|evaluation))\b/),
  en("secret-extraction", /\b(?:repeat|recite|print|output|echo) (?:back )?(?:everything|all|the text|the words|all text) (?:above|before|so far|preceding|verbatim)\b/),
  en("secret-extraction", /\b(?:which|what) (?:phrases|words|keywords|terms) (?:are|get|would be|will be) (?:flagged|blocked|banned|filtered|blacklisted|on (?:the|your) (?:block|spam) ?list)\b/),
  en("rubric-refusal", /\b(?:do not|don't|dont|never|stop|no need to|you (?:don't|do not) need to|refuse to)\s+(?:follow|apply|use|obey|consider|enforce|respect|stick to|adhere to|check against)(?:ing)?\s+(?:the |your |any |this |these )?(?:scoring |grading |evaluation |judging |marking )?(?:rubrics?|criteria|scoring|grading (?:rules|criteria|guidelines)|evaluation (?:rules|criteria|guidelines)|guardrails?|compliance (?:rules|checks))\b/),
  en("rubric-refusal", /\b(?:ignore|skip|bypass|disregard|waive|suspend|drop|turn off|disable)\s+(?:the |your |all |any )?(?:scoring |grading |evaluation |judging |usual |normal |standard )?(?:rubrics?|evaluation|grading|scoring|guardrails?|compliance checks?|safety checks?|spam (?:check|filter)s?)\b(?! (?:period|phase|stage|trial|call|meeting|fee|form|of|step|process|deadline|report|window|session)\b)/),
  en("rubric-refusal", /\b(?:the )?(?:usual |normal |standard |regular |scoring |grading |evaluation )?(?:rubrics?|guardrails?|scoring rules|grading criteria|evaluation criteria|compliance checks?) (?:is|are|has been|have been) (?:suspended|waived|disabled|lifted|void|off|not applicable|turned off|paused)\b/),
  en("rubric-refusal", /\b(?:no need to|don't|do not|never|you needn't|you don't have to)\s+(?:check|evaluate|grade|score|judge|assess|compare|measure)\s+(?:this|it|the draft|the email|me)\s+(?:against|with|by|using)\s+(?:the |your |any )?(?:guidelines|rules|rubrics?|criteria|polic(?:y|ies)|checklist|standards)\b/),
  en("rubric-refusal", /\b(?:the )?(?:rubrics?|guardrails?|scoring rules|evaluation rules|grading rules|evaluation criteria) (?:does|do|doesn't|don't|does not|do not|no longer) (?:not )?apply\b/),
  en("rubric-refusal", /\b(?:without|regardless of) (?:applying )?(?:the |any |your )?(?:rubrics?|guardrails?|evaluation criteria|scoring criteria|grading criteria)\b|\b(?:exempt|excluded|excused) from (?:the )?(?:evaluation|grading|scoring|rubric|guardrails?|compliance review)\b/),
];

export const INJECTION_MARKERS: readonly InjectionMarker[] = [...STRUCTURE, ...ENGLISH, ...INTL_MARKERS, ...ASIAN_MARKERS];
export type { InjectionKind, InjectionMarker } from "./injection-marker-types.js";
