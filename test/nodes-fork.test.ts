import { Command, isInterrupted } from "@langchain/langgraph";
import { afterEach, describe, expect, it } from "vitest";
import { outreachHarness, prospect } from "./helpers/nodes-outreach.js";

const cfg = (thread: string) => ({ configurable: { thread_id: thread } });
let harness: ReturnType<typeof outreachHarness>;
afterEach(() => harness?.store.close());

/** Runs a thread to its approval interrupt and approves it; returns the checkpoint it paused at. */
async function approvedThread(thread: string) {
  harness = outreachHarness({ policy: { blindRate: 0 } });
  const paused = await harness.graph.invoke({ prospect: prospect(thread, "clean") }, cfg(thread));
  if (!isInterrupted(paused)) throw new Error("expected the approval interrupt");
  const verdictId = (paused.__interrupt__[0]?.value as { gate: { verdictId: string } }).gate.verdictId;
  let atInterrupt;
  for await (const snapshot of harness.graph.getStateHistory(cfg(thread))) {
    if (snapshot.next.includes("await_approval")) {
      atInterrupt = snapshot;
      break;
    }
  }
  if (atInterrupt === undefined) throw new Error("no checkpoint at the interrupt");
  const done = await harness.graph.invoke(new Command({ resume: { type: "approve" } }), cfg(thread));
  expect(done.status).toBe("sent");
  return { verdictId, atInterrupt };
}

describe("a decision on a forked thread", () => {
  it("a fork resumed with reject after the original branch approved is refused, and the approval stands", async () => {
    const { verdictId, atInterrupt } = await approvedThread("t-fork");
    const fork = await harness.graph.updateState(atInterrupt.config, {});
    await expect(harness.graph.invoke(new Command({ resume: { type: "reject" } }), fork)).rejects.toThrow(
      /already decided "approve".*forked thread/,
    );
    expect(harness.sent).toHaveLength(1);
    const verdict = await harness.store.getVerdict(verdictId);
    expect(verdict?.decision?.type).toBe("approve");
    expect((await harness.store.verifyAudit()).ok).toBe(true);
  });

  it("a fork resumed with an edit after the original branch approved is refused and sends nothing more", async () => {
    const { atInterrupt } = await approvedThread("t-fork-edit");
    const fork = await harness.graph.updateState(atInterrupt.config, {});
    const editedAction = { name: "send_email", args: { subject: "Edited", body: "Edited body, by a human." } };
    await expect(harness.graph.invoke(new Command({ resume: { type: "edit", editedAction } }), fork)).rejects.toThrow(/forked thread/);
    expect(harness.sent).toHaveLength(1);
  });

  it("a fork resumed with the same approval records nothing new (the host's action runs again, as on any re-run)", async () => {
    const { verdictId, atInterrupt } = await approvedThread("t-fork-same");
    const before = await harness.store.listAudit({ limit: 1000 });
    const fork = await harness.graph.updateState(atInterrupt.config, {});
    await harness.graph.invoke(new Command({ resume: { type: "approve" } }), fork);
    expect(await harness.store.listAudit({ limit: 1000 })).toEqual(before);
    expect((await harness.store.getVerdict(verdictId))?.decision?.type).toBe("approve");
    expect(harness.sent).toHaveLength(2);
  });
});
