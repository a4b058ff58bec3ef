/**
 * The outreach campaign graph without the gate, the baseline of the gate-overhead figure: the same
 * state, composer and nodes as graphs/outreach/graph.ts minus `gate_draft` and `await_approval`
 * (check_reply → compose_touch → send_touch → schedule_next).
 */
import { END, START, StateGraph } from "@langchain/langgraph";
import { templateComposer } from "../graphs/outreach/composer.js";
import { OutreachState, type OutreachStateType, type SentEmail } from "../graphs/outreach/state.js";

export function createGatelessOutreachGraph(options: { now: () => Date; followUpDays?: number }) {
  const followUpDays = options.followUpDays ?? 3;
  return new StateGraph(OutreachState)
    .addNode("check_reply", (s: OutreachStateType) => ({ status: s.prospect.replied ? "replied" : "pending" }))
    .addNode("compose_touch", async (s: OutreachStateType) => {
      const composed = await templateComposer(s.prospect, s.touch);
      return { draft: composed.draft, steps: composed.steps, evidence: composed.evidence };
    })
    .addNode("send_touch", (s: OutreachStateType) => {
      const email: SentEmail = {
        to: s.prospect.email,
        subject: s.draft?.subject ?? "",
        body: s.draft?.body ?? "",
        touch: s.touch,
        approvedBy: "auto",
      };
      return { sent: [email], status: "sent" as const };
    })
    .addNode("schedule_next", () => ({
      nextTouchAt: new Date(options.now().getTime() + followUpDays * 86_400_000).toISOString(),
      status: "sent" as const,
    }))
    .addEdge(START, "check_reply")
    .addConditionalEdges("check_reply", (s: OutreachStateType) => (s.status === "replied" ? END : "compose_touch"), ["compose_touch", END])
    .addEdge("compose_touch", "send_touch")
    .addEdge("send_touch", "schedule_next")
    .addEdge("schedule_next", END);
}
