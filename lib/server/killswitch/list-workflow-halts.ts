import "server-only";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";
import type { TSessionUser } from "../authz/principal";
import { db, type TTx } from "../db/client";
import { KILL_SWITCH_VIEW_SELECT, toKillSwitchViews } from "./kill-switch-view";

/** The engaged switches that halt this whole workflow: the GLOBAL one and its own (the caller has read the workflow). */
export async function listWorkflowHalts(options: { tx?: TTx; user: TSessionUser; workflowKey: string }): Promise<TKillSwitchView[]> {
  const tx = options.tx ?? db;
  const rows = await tx.killSwitch.findMany({
    where: { releasedAt: null, OR: [{ scope: "GLOBAL" }, { scope: "WORKFLOW", target: options.workflowKey }] },
    select: KILL_SWITCH_VIEW_SELECT,
    orderBy: { engagedAt: "asc" },
  });
  return toKillSwitchViews({ tx, user: options.user, rows });
}
