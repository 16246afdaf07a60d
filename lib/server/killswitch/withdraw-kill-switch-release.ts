import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TSessionUser } from "../authz/principal";
import type { TTx } from "../db/client";
import { conflict, forbidden } from "../errors";
import { readKillSwitchView } from "./kill-switch-view";
import { lockKillSwitch } from "./lock-kill-switch";
import { refuseReleased } from "./refuse-released";
import { requireReleasePermission } from "./require-release-permission";

/** The requester takes back a release request nobody has confirmed; the switch simply stays engaged. */
export async function withdrawKillSwitchRelease(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
}): Promise<TKillSwitchView> {
  const { tx, actor, user, id } = options;
  requireReleasePermission(user, "withdraw a release request");
  const ks = await lockKillSwitch({ tx, id });
  refuseReleased(ks);
  if (!ks.releaseRequestedById) throw conflict("There is no release request to withdraw");
  if (ks.releaseRequestedById !== user.id)
    throw forbidden(`Only the requester, ${ks.releaseRequestedBy?.email ?? "someone else"}, can withdraw this release request`);
  await tx.killSwitch.update({ where: { id }, data: { releaseRequestedById: null, releaseRequestedAt: null, releaseReason: null } });
  await recordAuditEvent(tx, actor, {
    action: "killswitch.release_withdrawn",
    target: { type: "kill_switch", id },
    data: { scope: ks.scope, target: ks.target },
  });
  return readKillSwitchView({ tx, user, id });
}
