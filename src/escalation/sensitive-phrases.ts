/**
 * The deterministic lists behind the `sensitive` trigger. Matching folds case, spacing, hyphens
 * and look-alike characters (see `sensitive.ts`), so entries are written plainly, lower case.
 *
 * Like the guardrail lists, these live in the evaluation side only: never show them to a composer
 * (an agent that learns the list learns to talk around it).
 */

export const SENSITIVE_CATEGORIES = [
  "legal_threat",
  "self_harm",
  "medical_advice",
  "financial_advice",
  "legal_advice",
] as const;

export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** How each category reads in a trigger reason. */
export const CATEGORY_LABELS: Record<SensitiveCategory, string> = {
  legal_threat: "a legal threat",
  self_harm: "self-harm",
  medical_advice: "a request for medical advice",
  financial_advice: "a request for financial advice",
  legal_advice: "a request for legal advice",
};

export const SENSITIVE_PHRASES: Record<SensitiveCategory, readonly string[]> = {
  legal_threat: [
    "lawsuit",
    "lawsuits",
    "sue you",
    "sue your company",
    "suing you",
    "my lawyer",
    "my lawyers",
    "my attorney",
    "my solicitor",
    "legal action",
    "take you to court",
    "see you in court",
    "small claims court",
    "class action",
    "cease and desist",
    "report you to the regulator",
  ],
  self_harm: [
    "kill myself",
    "killing myself",
    "suicide",
    "suicidal",
    "end my life",
    "self harm",
    "hurt myself",
    "harm myself",
    "want to die",
    "no reason to live",
  ],
  medical_advice: [
    "medical advice",
    "what dosage",
    "what dose should",
    "stop taking my medication",
    "is it safe to take",
    "drug interaction",
    "diagnose me",
    "my diagnosis",
    "my symptoms",
  ],
  financial_advice: [
    "investment advice",
    "financial advice",
    "should i invest",
    "which stocks",
    "tax advice",
    "guaranteed return",
    "guaranteed returns",
  ],
  legal_advice: [
    "legal advice",
    "is it legal",
    "is this legal",
    "power of attorney",
    "my legal rights",
    "custody",
    "immigration status",
  ],
};
