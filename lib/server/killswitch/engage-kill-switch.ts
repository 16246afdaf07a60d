import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TEngageKillSwitchInput, TKillSwitchView } from "@/lib/contracts/killswitch";
import { hasPermission } from "@/lib/contracts/permissions";
import { cancelApprovalsForKillSwitch } from "../approvals/cancel-approvals-for-kill-switch";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TSessionUser } from "../auth/current-user";
import type { TTx } from "../db/client";
import { conflict, forbidden } from "../errors";
import { checkKillSwitchTarget } from "./check-kill-switch-target";
import { describeKillSwitch } from "./describe-kill-switch";
import { mayHaltAnything } from "./engage-scope";
import { KILL_SWITCH_VIEW_SELECT, readKillSwitchView } from "./kill-switch-view";
import { lockKillSwitchTarget } from "./lock-kill-switch-target";

/**
 * One person halts something, with a reason, at once: the switch, its audit event and the
 * cancellation of the pending approvals it covers land together in the caller's transaction.
 */
export async function engageKillSwitch(options: { tx: TTx; actor: TAuditActor; user: TSessionUser; input: TEngageKillSwitchInput }): Promise<TKillSwitchView> {
  const { tx, actor, user, input } = options;
  const { scope, reason } = input;
  if (!hasPermission(user.roles, "killswitch:engage")) throw forbidden("You may not engage kill switches");
  if (scope !== "WORKFLOW" && !mayHaltAnything(user)) {
    throw forbidden(`Only Security or an administrator can engage a ${scope} kill switch; an owner may halt their own workflows`);
  }
  const target = scope === "GLOBAL" ? "*" : (input.target ?? "");
  await checkKillSwitchTarget({ tx, user, scope, target });

  await lockKillSwitchTarget({ tx, scope, target });
  const engaged = await tx.killSwitch.findFirst({ where: { scope, target, releasedAt: null }, select: KILL_SWITCH_VIEW_SELECT });
  if (engaged) {
    const since = `by ${engaged.engagedBy.email} at ${engaged.engagedAt.toISOString()}: "${engaged.reason}"`;
    throw conflict(`Already engaged: ${describeKillSwitch(engaged)} (kill switch ${engaged.id}, ${since}). It stays engaged until Security releases it.`);
  }
  const { id } = await tx.killSwitch.create({ data: { scope, target, reason, engagedById: user.id }, select: { id: true } });
  await recordAuditEvent(tx, actor, { action: "killswitch.engaged", target: { type: "kill_switch", id }, data: { scope, target, reason } });
  await cancelApprovalsForKillSwitch(tx, actor, { scope, target, reason });
  return readKillSwitchView({ tx, user, id });
}
