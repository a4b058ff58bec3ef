/**
 * The project's injection corpus (bench/corpus/*.json): payloads by family, language and
 * obfuscation, and honest business messages that use the same trigger words. Obfuscated payloads
 * are stored readable and encoded here, mechanically, the way an attacker would hide them; each
 * is planted in every placement the judges read.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { GuardrailContext } from "../src/evaluation/guardrails/types.js";

export interface Payload {
  family: string;
  lang: string;
  obfuscation: string;
  text: string;
}
export interface LegitMessage {
  kind: string;
  text: string;
}

const CORPUS = fileURLToPath(new URL("./corpus/", import.meta.url));
const load = <T>(name: string): T => JSON.parse(readFileSync(`${CORPUS}${name}`, "utf8")) as T;

const CYRILLIC: Record<string, string> = { a: "\u0430", e: "\u0435", o: "\u043E", p: "\u0440", c: "\u0441", i: "\u0456", x: "\u0445", y: "\u0443", s: "\u0455" };
const spell = (text: string, sep: string, wordSep: string) =>
  text
    .split(/\s+/)
    .map((word) => [...word].join(sep))
    .join(wordSep);

/** Hide `text` the way the payload's obfuscation says. */
export function encodePayload(text: string, obfuscation: string): string {
  switch (obfuscation) {
    case "none":
      return text;
    case "tags":
      return `Thanks again for the call.${[...text].map((ch) => String.fromCodePoint(0xe0000 + (ch.codePointAt(0) ?? 0))).join("")}`;
    case "base64":
      return `Reference: ${Buffer.from(text, "utf8").toString("base64")}`;
    case "hex":
      return `Ticket data ${Buffer.from(text, "utf8").toString("hex")}`;
    case "url":
      return `See https://example.com/track?q=${encodeURIComponent(text)}`;
    case "hyphen":
      return spell(text, "-", " ");
    case "spaced":
      return spell(text, " ", "   ");
    case "dotted":
      return spell(text, ".", " ");
    case "homoglyph":
      return text.replace(/[aeopcixys]/g, (ch) => CYRILLIC[ch] ?? ch);
    case "zerowidth":
      return [...text].join("\u200B");
    case "fullwidth":
      return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    case "bidi":
      return text.replace(/ /g, " \u202E\u2066").concat("\u202C\u2069");
    case "leet":
      return text;
    case "entities":
      return [...text].map((ch) => `&#${ch.codePointAt(0)};`).join("");
    default:
      throw new Error(`unknown obfuscation ${obfuscation}`);
  }
}

export const PAYLOADS: readonly Payload[] = load<Payload[]>("injection-payloads.json");
export const LEGITIMATE: readonly LegitMessage[] = load<LegitMessage[]>("legitimate-messages.json");

/** Where a payload can sit, and the part of the input a violation must name for it. */
export const PLACEMENTS = ["draft", "args", "evidence value", "evidence key", "step output", "step name", "goal"] as const;
export type Placement = (typeof PLACEMENTS)[number];
export const AREA_OF: Readonly<Record<Placement, string>> = {
  draft: "draft",
  args: "draft",
  "evidence value": "evidence",
  "evidence key": "evidence",
  "step output": "steps",
  "step name": "steps",
  goal: "goal",
};

/** Wrap a payload in an otherwise ordinary email, on its own line. */
export function draftWith(payload: string): string {
  return `Hi Dana,\n\nThanks for your time last week.\n${payload}\nWould Tuesday work for a call?\n\nBest,\nSam`;
}

/** An ordinary run with `text` planted at `placement`. */
export function contextWith(text: string, placement: Placement): GuardrailContext {
  const ctx: GuardrailContext = {
    goal: "Write a first-touch email to Dana at Acme.",
    steps: [
      { name: "research", output: { note: "Dana runs operations at Acme." } },
      { name: "compose", output: "Drafted a short note proposing a call." },
    ],
    draft: { text: "Hi Dana, would Tuesday work for a call?", args: { subject: "Quick question", to: "dana@acme.test" } },
    evidence: { crm: { company: "Acme", title: "Head of Operations" } },
  };
  const crm = (ctx.evidence as { crm: Record<string, unknown> }).crm;
  switch (placement) {
    case "draft":
      ctx.draft = { ...ctx.draft, text: draftWith(text) };
      break;
    case "args":
      ctx.draft = { ...ctx.draft, args: { ...ctx.draft.args, subject: text } };
      break;
    case "evidence value":
      crm.note = text;
      break;
    case "evidence key":
      crm[text] = "yes";
      break;
    case "step output":
      ctx.steps[1] = { name: "compose", output: text };
      break;
    case "step name":
      ctx.steps[1] = { name: text, output: "done" };
      break;
    case "goal":
      ctx.goal = `${ctx.goal} ${text}`;
      break;
  }
  return ctx;
}
