import "server-only";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import type { TTx } from "../db/client";

export type TEngagedKillSwitch = { id: string; scope: TKillSwitchScope; target: string; reason: string; engagedAt: Date };

/** Every engaged switch, plainly: what the gate's in-memory store loads on start and on every kill-switch NOTIFY. */
export async function listEngagedKillSwitches(db: TTx): Promise<TEngagedKillSwitch[]> {
  return db.killSwitch.findMany({
    where: { releasedAt: null },
    select: { id: true, scope: true, target: true, reason: true, engagedAt: true },
    orderBy: { engagedAt: "asc" },
  });
}
