// What every end-to-end scenario gets, and the thread helpers they share.
import type { Client, Interrupt } from "@langchain/langgraph-sdk";
import type { GateStore } from "../../src/store/types.js";
import type { Checks } from "./checks.js";

export interface ScenarioContext {
  client: Client;
  checks: Checks;
  /** The gate store the server writes, opened on the same file (a second process, WAL). */
  store: GateStore;
  /** Abort signal for one client call (bounded). */
  callSignal: () => AbortSignal;
}

/** The pending interrupts of a thread, as `threads.getState` reports them. */
export async function pendingInterrupts(ctx: ScenarioContext, threadId: string): Promise<{ next: string[]; interrupts: Interrupt[] }> {
  const state = await ctx.client.threads.getState(threadId, undefined, { signal: ctx.callSignal() });
  return { next: state.next, interrupts: state.tasks.flatMap((task) => task.interrupts) };
}

/** The interrupts a `runs.wait` result carries (`__interrupt__`), or none. */
export function interruptsOf(result: unknown): Interrupt[] {
  const list = (result as { __interrupt__?: unknown } | null)?.__interrupt__;
  return Array.isArray(list) ? (list as Interrupt[]) : [];
}

/** A thread's current values. */
export async function valuesOf<T>(ctx: ScenarioContext, threadId: string): Promise<T> {
  const state = await ctx.client.threads.getState(threadId, undefined, { signal: ctx.callSignal() });
  return state.values as T;
}
