/** Whether a thread on a LangGraph API server is waiting on an interrupt. */
export type InterruptState = "pending" | "not pending" | "unknown thread" | "unreachable";

/**
 * Asks a LangGraph API server (`GET /threads/{thread_id}`) whether the thread is interrupted.
 * The console only reads: resuming is the host's (see the README). Failures read as `unreachable`.
 */
export async function interruptState(baseUrl: string, threadId: string, timeoutMs = 2000): Promise<InterruptState> {
  try {
    const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/threads/${encodeURIComponent(threadId)}`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json" },
    });
    if (response.status === 404) return "unknown thread";
    if (!response.ok) return "unreachable";
    const thread = (await response.json()) as { status?: unknown; interrupts?: unknown };
    const interrupts = thread.interrupts && typeof thread.interrupts === "object" ? Object.values(thread.interrupts).flat() : [];
    return thread.status === "interrupted" || interrupts.length > 0 ? "pending" : "not pending";
  } catch {
    return "unreachable";
  }
}
