import type { CompetenceOptions } from "../competence/options.js";
import { GateConfigError } from "../errors.js";
import type { FlipPolicy, GateStore } from "../store/types.js";
import type { Draft, Verdict } from "../types.js";
import type { AuditQueueSource } from "./audit-items.js";

/**
 * Where the console finds the draft of a verdict. The store never keeps draft text on a verdict
 * (only its hash); a host that keeps drafts (its own table, its checkpointer) passes this so the
 * review queue shows the draft as the host supplied it. Return null when unknown.
 */
export type DraftLookup = (verdict: Verdict) => Promise<Draft | null>;

/** Options of {@link createConsoleServer}. */
export interface ConsoleOptions {
  /** The store the console reads and decides on (the same store the gate writes). */
  store: GateStore;
  /** Interface to bind. Anything but a loopback address needs `token`. @default "127.0.0.1" */
  host?: string;
  /** TCP port; 0 picks a free one. @default 4318 */
  port?: number;
  /**
   * A shared secret every request must present (`Authorization: Bearer`, or `?token=` once, which
   * sets a same-site cookie). Required when `host` is not loopback. @default undefined (loopback only)
   */
  token?: string;
  /** Who the decisions taken here are recorded as, unless the reviewer types a name. @default "console" */
  actor?: string;
  /** The gate's flip policy when a scope has no override. @default DEFAULT_FLIP_POLICY */
  gatePolicy?: FlipPolicy;
  /** The competence ledger's options. @default {} */
  competence?: CompetenceOptions;
  /** The host's drafts by verdict. @default none: the page says the draft is not available */
  drafts?: DraftLookup;
  /** The post-hoc audit sample. @default executed auto-approvals not yet audited (see audit-items.ts) */
  auditQueue?: AuditQueueSource;
  /**
   * A LangGraph API server URL: the review queue then shows whether each verdict's thread still
   * has a pending interrupt. @default undefined (not shown)
   */
  langgraphUrl?: string;
  /** Latest verdicts per scope the queues look at. @default 500 */
  queueWindow?: number;
}

export type ResolvedConsoleOptions = Required<Omit<ConsoleOptions, "token" | "gatePolicy" | "competence" | "drafts" | "auditQueue" | "langgraphUrl">> &
  Pick<ConsoleOptions, "token" | "gatePolicy" | "competence" | "drafts" | "auditQueue" | "langgraphUrl">;

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Validates the options at construction: a non-loopback bind without a token is refused. */
export function resolveConsoleOptions(options: ConsoleOptions): ResolvedConsoleOptions {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 4318;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GateConfigError("port", options.port, "an integer from 0 to 65535");
  if (options.token !== undefined && options.token.length < 8) throw new GateConfigError("token", "(hidden)", "at least 8 characters");
  if (!isLoopback(host) && options.token === undefined) {
    throw new GateConfigError("host", host, "a loopback address (127.0.0.1, ::1, localhost), or a token to bind beyond loopback");
  }
  if (options.langgraphUrl !== undefined && !/^https?:\/\//.test(options.langgraphUrl)) {
    throw new GateConfigError("langgraphUrl", options.langgraphUrl, "an http:// or https:// URL");
  }
  const queueWindow = options.queueWindow ?? 500;
  if (!Number.isInteger(queueWindow) || queueWindow < 1 || queueWindow > 100_000) throw new GateConfigError("queueWindow", queueWindow, "an integer from 1 to 100000");
  return { ...options, host, port, actor: options.actor ?? "console", queueWindow };
}
