/** Global settings; for now the kill switch (DESIGN §3.7), which every scope obeys. */
import { eq } from "drizzle-orm";
import { appendAuditTx } from "./audit.js";
import type { Executor, StoreContext } from "./context.js";
import { settings } from "./schema.js";

const KILL_SWITCH = "kill_switch";

export async function readKillSwitch(db: Executor): Promise<boolean> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KILL_SWITCH));
  return row?.value === "on";
}

export function getKillSwitch(ctx: StoreContext): Promise<boolean> {
  return ctx.read(readKillSwitch);
}

/** Turns the kill switch on or off; only an actual change is written and audited (`kill_switch`). */
export function setKillSwitch(ctx: StoreContext, on: boolean, actor: string): Promise<void> {
  return ctx.write(async (tx) => {
    if ((await readKillSwitch(tx)) === on) return;
    const value = on ? "on" : "off";
    await tx.insert(settings).values({ key: KILL_SWITCH, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    await appendAuditTx(tx, ctx.now(), { kind: "kill_switch", actor, payload: { on } });
  });
}
