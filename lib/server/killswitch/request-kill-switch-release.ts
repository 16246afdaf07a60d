import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TSessionUser } from "../authz/principal";
import type { TTx } from "../db/client";
import { conflict } from "../errors";
import { readKillSwitchView } from "./kill-switch-view";
import { lockKillSwitch } from "./lock-kill-switch";
import { refuseReleased } from "./refuse-released";
import { requireReleasePermission } from "./require-release-permission";

/** The first of two Security people asks to release an engaged switch; it stays engaged until another confirms. */
export async function requestKillSwitchRelease(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  reason: string;
  now?: Date;
}): Promise<TKillSwitchView> {
  const { tx, actor, user, id, reason } = options;
  requireReleasePermission(user, "request a release");
  const ks = await lockKillSwitch({ tx, id });
  refuseReleased(ks);
  if (ks.releaseRequestedAt) {
    throw conflict(
      `Release was already requested by ${ks.releaseRequestedBy?.email ?? "someone"} at ${ks.releaseRequestedAt.toISOString()}; it awaits a second Security person's confirmation`,
    );
  }
  await tx.killSwitch.update({
    where: { id },
    data: { releaseRequestedById: user.id, releaseRequestedAt: options.now ?? new Date(), releaseReason: reason },
  });
  await recordAuditEvent(tx, actor, {
    action: "killswitch.release_requested",
    target: { type: "kill_switch", id },
    data: { scope: ks.scope, target: ks.target, reason },
  });
  return readKillSwitchView({ tx, user, id });
}
