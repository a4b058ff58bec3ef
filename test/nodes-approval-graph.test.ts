import { Command, isInterrupted } from "@langchain/langgraph";
import { afterEach, describe, expect, it } from "vitest";
import { outreachHarness, prospect } from "./helpers/nodes-outreach.js";

const cfg = (thread: string) => ({ configurable: { thread_id: thread } });
let harness: ReturnType<typeof outreachHarness>;
afterEach(() => harness?.store.close());

async function toInterrupt(thread: string, style = "clean") {
  harness = outreachHarness();
  const result = await harness.graph.invoke({ prospect: prospect(thread, style) }, cfg(thread));
  if (!isInterrupted(result)) throw new Error("expected the approval interrupt");
  return result;
}

describe("await_approval in a graph (MemorySaver)", () => {
  it("interrupts with the HITL payload plus the gate verdict summary", async () => {
    const result = await toInterrupt("t-payload");
    const value = result.__interrupt__[0]?.value as Record<string, any>;
    expect(value.actionRequests).toEqual([
      expect.objectContaining({ name: "send_email", args: expect.objectContaining({ to: "ana@acme.example" }) }),
    ]);
    expect(value.actionRequests[0].description).toEqual(expect.any(String));
    expect(value.reviewConfigs).toEqual([{ actionName: "send_email", allowedDecisions: ["approve", "edit", "reject", "skip"] }]);
    expect(Object.keys(value.gate).sort()).toEqual(
      ["auditSampled", "composite", "eligibility", "levels", "mode", "passed", "rationale", "scope", "stored", "verdictId", "violations"].sort(),
    );
    expect(value.gate).toMatchObject({ scope: "outreach:first_touch", mode: "shadow", passed: true });
    expect(value.gate.levels.map((l: { level: string }) => l.level)).toEqual(["step", "trajectory", "outcome"]);
  });

  it("approve sends the draft and backfills the decision onto the verdict", async () => {
    const first = await toInterrupt("t-approve");
    const verdictId = (first.__interrupt__[0]?.value as any).gate.verdictId;
    const done = await harness.graph.invoke(new Command({ resume: { decisions: [{ type: "approve" }] } }), cfg("t-approve"));
    expect(done.status).toBe("sent");
    expect(harness.sent).toHaveLength(1);
    expect((await harness.store.getVerdict(verdictId))?.decision?.type).toBe("approve");
  });

  it("an edit hands the edited draft to send_touch", async () => {
    await toInterrupt("t-edit");
    const editedAction = { name: "send_email", args: { subject: "Edited subject", body: "Edited body, by a human." } };
    const done = await harness.graph.invoke(new Command({ resume: { decisions: [{ type: "edit", editedAction }] } }), cfg("t-edit"));
    expect(harness.sent).toEqual([expect.objectContaining({ subject: "Edited subject", body: "Edited body, by a human." })]);
    expect(done.gate?.decision).toMatchObject({ type: "edit", editedDraftHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("reject sends nothing and ends the touch as rejected", async () => {
    await toInterrupt("t-reject");
    const done = await harness.graph.invoke(new Command({ resume: { type: "reject", message: "off-brand" } }), cfg("t-reject"));
    expect(harness.sent).toHaveLength(0);
    expect(done.status).toBe("rejected");
    expect(done.gate?.decision).toMatchObject({ type: "reject", note: "off-brand" });
  });

  it("skip sends nothing and records a skip", async () => {
    await toInterrupt("t-skip");
    const done = await harness.graph.invoke(new Command({ resume: { type: "skip" } }), cfg("t-skip"));
    expect(harness.sent).toHaveLength(0);
    expect(done.status).toBe("skipped");
    expect(done.gate?.decision?.type).toBe("skip");
  });

  it("a malformed resume is a clear error and the interrupt stays pending", async () => {
    await toInterrupt("t-bad");
    await expect(
      harness.graph.invoke(new Command({ resume: { decisions: [{ type: "approved" }] } }), cfg("t-bad")),
    ).rejects.toThrow(/Invalid resume value for await_approval: decision type "approved" is not one of approve, edit, reject, skip/);
    const state = await harness.graph.getState(cfg("t-bad"));
    expect(state.next).toEqual(["await_approval"]);
    expect(state.tasks[0]?.interrupts).toHaveLength(1);
    const done = await harness.graph.invoke(new Command({ resume: { type: "approve" } }), cfg("t-bad"));
    expect(done.status).toBe("sent");
  });

  it("an edit without editedAction is refused and stays pending", async () => {
    await toInterrupt("t-bad-edit");
    await expect(harness.graph.invoke(new Command({ resume: { type: "edit" } }), cfg("t-bad-edit"))).rejects.toThrow(
      /"edit" decision: editedAction/,
    );
    expect((await harness.graph.getState(cfg("t-bad-edit"))).next).toEqual(["await_approval"]);
  });

  it("resuming re-runs await_approval yet leaves exactly one verdict row and one decision", async () => {
    await toInterrupt("t-once");
    await harness.graph.invoke(new Command({ resume: { type: "approve" } }), cfg("t-once"));
    const verdicts = await harness.store.listVerdicts({ threadId: "t-once" });
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]?.decision?.type).toBe("approve");
    const decisions = (await harness.store.listAudit({})).filter((e) => e.kind === "decision");
    expect(decisions).toHaveLength(1);
  });

  it("running the same draft through gate_draft again on the thread reuses the stored verdict", async () => {
    const first = await toInterrupt("t-rerun");
    const firstId = (first.__interrupt__[0]?.value as any).gate.verdictId;
    // A fresh run on the same thread re-executes gate_draft for the very same draft.
    const replay = await harness.graph.invoke({ prospect: prospect("t-rerun") }, cfg("t-rerun"));
    expect(isInterrupted(replay)).toBe(true);
    expect(replay.gate?.verdictId).toBe(firstId);
    expect(await harness.store.listVerdicts({ threadId: "t-rerun" })).toHaveLength(1);
  });
});
