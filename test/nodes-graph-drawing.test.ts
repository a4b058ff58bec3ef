// The outreach graph as LangGraph draws it (Studio shows the same edges): with the path maps the
// routing helpers carry, exactly the real edges and no dotted edge to every node.
import { describe, expect, it } from "vitest";
import { outreachHarness } from "./helpers/nodes-outreach.js";

function edgesOf(mermaid: string): string[] {
  return mermaid
    .split("\n")
    .map((line) => line.trim().match(/^(\w+) (-->|-\.->) (\w+);$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => `${m[1]} ${m[2]} ${m[3]}`)
    .sort();
}

describe("drawing the outreach graph", () => {
  it("drawMermaid() shows exactly the graph's real edges", async () => {
    const { graph, store } = outreachHarness();
    try {
      const mermaid = (await graph.getGraphAsync()).drawMermaid();
      expect(edgesOf(mermaid)).toEqual(
        [
          "__start__ --> check_reply",
          "check_reply -.-> compose_touch",
          "check_reply -.-> __end__",
          "compose_touch --> gate_draft",
          "gate_draft -.-> send_touch",
          "gate_draft -.-> await_approval",
          "await_approval -.-> send_touch",
          "await_approval -.-> schedule_next",
          "send_touch --> schedule_next",
          "schedule_next --> __end__",
        ].sort(),
      );
    } finally {
      store.close();
    }
  });
});
