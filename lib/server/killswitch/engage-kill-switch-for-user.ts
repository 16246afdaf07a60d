import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TEngageKillSwitchInput, TKillSwitchView } from "@/lib/contracts/killswitch";
import type { TSessionUser } from "../authz/principal";
import type { TTx } from "../db/client";
import { authorizeKillSwitchEngage } from "./authorize-kill-switch-engage";
import { engageKillSwitch } from "./engage-kill-switch";
import { readKillSwitchView } from "./kill-switch-view";

/** A signed-in person halts something: who may (their roles, their workflows), then the halt, seen as they may see it. */
export async function engageKillSwitchForUser(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  input: TEngageKillSwitchInput;
  now?: Date;
}): Promise<TKillSwitchView> {
  const { tx, actor, user, input, now } = options;
  await authorizeKillSwitchEngage({ tx, user, input });
  const { id } = await engageKillSwitch({ tx, actor, input, now });
  return readKillSwitchView({ tx, user, id });
}
