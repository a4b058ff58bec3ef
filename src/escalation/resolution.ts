import { z } from "zod";
import { GateConfigError } from "../errors.js";
import { ESCALATION_OUTCOMES, type EscalationRecord, type EscalationStore, type ResolutionInput } from "./types.js";

const resolutionObject = z
  .object({
    resolution: z.enum(ESCALATION_OUTCOMES),
    appropriate: z.boolean(),
    sufficient: z.boolean(),
    note: z.string().optional(),
    by: z.string().optional(),
    at: z.iso.datetime().optional(),
  })
  .strict();

/** The resolution shape, in words, for error messages. */
const EXPECTED =
  `{ resolution: ${ESCALATION_OUTCOMES.map((o) => `"${o}"`).join(" | ")}, appropriate: boolean, ` +
  "sufficient: boolean, note?: string, by?: string }";

/** Parses an owner's resolution; returns it or a problem in words (never throws). */
export function parseResolution(value: unknown): { ok: true; resolution: ResolutionInput } | { ok: false; problem: string } {
  const parsed = resolutionObject.safeParse(value);
  if (parsed.success) return { ok: true, resolution: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "resolution";
  return { ok: false, problem: `${where}: ${issue?.message ?? "invalid"}` };
}

/**
 * The escalate interrupt's response schema: LangGraph validates the resume value with it, so a
 * malformed resolution throws this message and the interrupt stays pending for a corrected one.
 */
export const resolutionResponseSchema = z.unknown().superRefine((value, ctx) => {
  const result = parseResolution(value);
  if (!result.ok) ctx.addIssue({ code: "custom", message: `Invalid resume for escalate: ${result.problem}. Resume with ${EXPECTED}.` });
});

/**
 * Backfills an owner's resolution onto an escalation by id — for resolutions made outside the
 * graph (a ticketing tool, the CLI). Idempotent: the same resolution again changes nothing.
 * @throws GateConfigError for a malformed resolution, NotFoundError for an unknown id.
 */
export async function resolveEscalation(
  store: Pick<EscalationStore, "resolveEscalation">,
  id: string,
  resolution: ResolutionInput,
): Promise<EscalationRecord> {
  const parsed = parseResolution(resolution);
  if (!parsed.ok) throw new GateConfigError("resolution", resolution, `${EXPECTED} (${parsed.problem})`);
  return (await store.resolveEscalation(id, parsed.resolution)).record;
}
