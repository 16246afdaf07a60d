import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TEngageKillSwitchInput, TKillSwitchEngagerType } from "@/lib/contracts/killswitch";
import { cancelApprovalsForKillSwitch } from "../approvals/cancel-approvals-for-kill-switch";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { conflict, forbidden } from "../errors";
import { checkKillSwitchTarget } from "./check-kill-switch-target";
import { describeKillSwitch } from "./describe-kill-switch";
import { lockKillSwitchTarget } from "./lock-kill-switch-target";

function engagerOf(actor: TAuditActor): { engagedById: string | null; engagedByType: TKillSwitchEngagerType; engagedByLabel: string } {
  if (actor.type === "user" && actor.id) return { engagedById: actor.id, engagedByType: "user", engagedByLabel: actor.label };
  if (actor.type === "service" || actor.type === "system")
    return { engagedById: null, engagedByType: actor.type, engagedByLabel: actor.label };
  // Every halt names who engaged it, so the two-person release knows what it is undoing.
  throw forbidden("A kill switch is engaged by a person, a service token or Tollgate itself, never anonymously");
}

/**
 * Halts something, with a reason, at once: the switch, its audit event and the cancellation of the
 * pending approvals it covers land together in the caller's transaction. `actor` is whoever halts
 * it — a person (authorized first by `authorizeKillSwitchEngage`), a service token, or Tollgate
 * itself (a breaker) — and is recorded on the switch and in the audit log alike.
 */
export async function engageKillSwitch(options: {
  tx: TTx;
  actor: TAuditActor;
  input: TEngageKillSwitchInput;
  /** When it was engaged; the seeded demo history passes a past time. */
  now?: Date;
}): Promise<{ id: string }> {
  const { tx, actor, input } = options;
  const { scope, reason } = input;
  const engager = engagerOf(actor);
  const target = scope === "GLOBAL" ? "*" : (input.target ?? "");
  await checkKillSwitchTarget({ tx, scope, target });

  await lockKillSwitchTarget({ tx, scope, target });
  const engaged = await tx.killSwitch.findFirst({
    where: { scope, target, releasedAt: null },
    select: { id: true, scope: true, target: true, reason: true, engagedAt: true, engagedByLabel: true },
  });
  if (engaged) {
    const since = `by ${engaged.engagedByLabel} at ${engaged.engagedAt.toISOString()}: "${engaged.reason}"`;
    throw conflict(
      `Already engaged: ${describeKillSwitch(engaged)} (kill switch ${engaged.id}, ${since}). It stays engaged until Security releases it.`,
    );
  }
  const engagedAt = options.now ?? new Date();
  const { id } = await tx.killSwitch.create({ data: { scope, target, reason, engagedAt, ...engager }, select: { id: true } });
  await recordAuditEvent(tx, actor, { action: "killswitch.engaged", target: { type: "kill_switch", id }, data: { scope, target, reason } });
  await cancelApprovalsForKillSwitch(tx, actor, { scope, target, reason }, engagedAt);
  return { id };
}
