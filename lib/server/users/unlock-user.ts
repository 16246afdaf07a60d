import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TUserView } from "@/lib/contracts/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { accountAddressKeyPrefix, accountThrottleKey } from "../auth/sign-in-throttle-keys";
import type { TTx } from "../db/client";
import { notFound } from "../errors";
import { lockUser } from "./lock-user";
import { USER_VIEW_SELECT, viewUsers } from "./user-view";

/**
 * Clears every sign-in counter of a user's email (from every address, and the account-wide one);
 * audited as user.unlocked with the counters it cleared.
 */
export async function unlockUser(options: { tx: TTx; actor: TAuditActor; id: string }): Promise<TUserView> {
  const { tx, actor, id } = options;
  if (!(await lockUser({ tx, id }))) throw notFound("The user");
  const row = await tx.user.findUniqueOrThrow({ where: { id }, select: USER_VIEW_SELECT });
  const email = row.email;
  const where = { OR: [{ key: accountThrottleKey(email) }, { key: { startsWith: accountAddressKeyPrefix(email) } }] };
  const cleared = await tx.signInThrottle.findMany({ where, orderBy: { key: "asc" } });
  await recordAuditEvent(tx, actor, {
    action: "user.unlocked",
    target: { type: "user", id },
    data: { cleared: cleared.map((c) => ({ key: c.key, failures: c.failures, blockedUntil: c.blockedUntil?.toISOString() ?? null })) },
  });
  await tx.signInThrottle.deleteMany({ where });
  const [view] = await viewUsers({ tx, rows: [row] });
  if (!view) throw new Error("viewUsers dropped the unlocked user");
  return view;
}
