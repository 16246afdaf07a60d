import "server-only";
import type { TKillSwitchList, TKillSwitchQueryInput } from "@/lib/contracts/killswitch";
import type { TSessionUser } from "../authz/principal";
import { db, type TTx } from "../db/client";
import { killSwitchReadWhere } from "./kill-switch-read-where";
import { KILL_SWITCH_VIEW_SELECT, toKillSwitchViews } from "./kill-switch-view";

/** Engaged switches in full, newest first, then the released history, most recently released first. */
export async function listKillSwitches(options: { tx?: TTx; user: TSessionUser; query: TKillSwitchQueryInput }): Promise<TKillSwitchList> {
  const { user, query } = options;
  const tx = options.tx ?? db;
  const asOf = new Date();
  const scope = await killSwitchReadWhere({ tx, user });
  const engaged =
    query.state === "released"
      ? []
      : await tx.killSwitch.findMany({
          where: { AND: [scope, { releasedAt: null }] },
          select: KILL_SWITCH_VIEW_SELECT,
          orderBy: { engagedAt: "desc" },
        });
  const released =
    query.state === "engaged"
      ? []
      : await tx.killSwitch.findMany({
          where: { AND: [scope, { releasedAt: { not: null } }] },
          select: KILL_SWITCH_VIEW_SELECT,
          orderBy: { releasedAt: "desc" },
          take: query.limit,
        });
  return { killSwitches: await toKillSwitchViews({ tx, user, rows: [...engaged, ...released] }), asOf: asOf.toISOString() };
}
