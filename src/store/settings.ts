/** Global settings; for now the kill switch (DESIGN §3.7), which every scope obeys. */
import { eq } from "drizzle-orm";
import { appendAuditTx } from "./audit.js";
import type { Executor, StoreContext } from "./context.js";
import { lockTx, tablesOf, type LockMode } from "./tables.js";

const KILL_SWITCH = "kill_switch";

/** Holds the kill switch still for the rest of `tx` (see lockScopeTx). */
export function lockKillSwitchTx(tx: Executor, mode: LockMode): Promise<void> {
  return lockTx(tx, "kill-switch", mode);
}

export async function readKillSwitch(db: Executor): Promise<boolean> {
  const { settings } = tablesOf(db);
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KILL_SWITCH));
  return row?.value === "on";
}

export function getKillSwitch(ctx: StoreContext): Promise<boolean> {
  return ctx.read(readKillSwitch);
}

/** Turns the kill switch on or off; only an actual change is written and audited (`kill_switch`). */
export function setKillSwitch(ctx: StoreContext, on: boolean, actor: string): Promise<void> {
  return ctx.write(async (tx) => {
    const { settings } = tablesOf(tx);
    await lockKillSwitchTx(tx, "exclusive");
    if ((await readKillSwitch(tx)) === on) return;
    const value = on ? "on" : "off";
    await tx.insert(settings).values({ key: KILL_SWITCH, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    await appendAuditTx(tx, ctx.now(), { kind: "kill_switch", actor, payload: { on } });
  });
}
