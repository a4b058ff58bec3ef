/** The thread id LangGraph runs under (`config.configurable.thread_id`), or a fallback. */
export function threadIdOf(config: unknown, fallback = "no-thread"): string {
  const id = (config as { configurable?: { thread_id?: unknown } } | undefined)?.configurable?.thread_id;
  return typeof id === "string" && id.length > 0 ? id : typeof id === "number" ? String(id) : fallback;
}
