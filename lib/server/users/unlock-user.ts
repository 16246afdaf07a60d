import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TUserView } from "@/lib/contracts/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { notFound } from "../errors";
import { lockUser } from "./lock-user";
import { USER_VIEW_SELECT, toUserView } from "./user-view";

/** Clears a user's sign-in lockout and failure count; audited as user.unlocked with the state it cleared. */
export async function unlockUser(options: { tx: TTx; actor: TAuditActor; id: string }): Promise<TUserView> {
  const { tx, actor, id } = options;
  if (!(await lockUser({ tx, id }))) throw notFound("The user");
  const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { failedSignIns: true, lockedUntil: true, nextAttemptAt: true } });
  await recordAuditEvent(tx, actor, {
    action: "user.unlocked",
    target: { type: "user", id },
    data: {
      before: {
        failedSignIns: before.failedSignIns,
        lockedUntil: before.lockedUntil?.toISOString() ?? null,
        nextAttemptAt: before.nextAttemptAt?.toISOString() ?? null,
      },
    },
  });
  const row = await tx.user.update({
    where: { id },
    data: { failedSignIns: 0, lockedUntil: null, nextAttemptAt: null },
    select: USER_VIEW_SELECT,
  });
  return toUserView(row);
}
