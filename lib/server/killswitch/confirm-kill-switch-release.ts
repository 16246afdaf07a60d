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

/**
 * A second Security person, not the one who requested it, confirms the release: the switch is
 * released and automations may run again (two-person rule).
 */
export async function confirmKillSwitchRelease(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  reason?: string;
  now?: Date;
}): Promise<TKillSwitchView> {
  const { tx, actor, user, id } = options;
  requireReleasePermission(user, "confirm a release");
  const ks = await lockKillSwitch({ tx, id });
  refuseReleased(ks);
  if (!ks.releaseRequestedById || !ks.releaseReason) {
    throw conflict("Nobody has requested this release yet: one Security person requests it, then a different one confirms");
  }
  if (ks.releaseRequestedById === user.id) {
    throw forbidden("You requested this release, so a different Security person must confirm it (two-person rule)");
  }
  await tx.killSwitch.update({ where: { id }, data: { releasedById: user.id, releasedAt: options.now ?? new Date() } });
  await recordAuditEvent(tx, actor, {
    action: "killswitch.released",
    target: { type: "kill_switch", id },
    data: { scope: ks.scope, target: ks.target, reason: options.reason ?? ks.releaseReason, requestedById: ks.releaseRequestedById },
  });
  return readKillSwitchView({ tx, user, id });
}
