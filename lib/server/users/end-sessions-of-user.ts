import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TSessionsEnded } from "@/lib/contracts/users";
import { endUserSessions } from "../auth/end-user-sessions";
import type { TTx } from "../db/client";
import { notFound } from "../errors";
import { lockUser } from "./lock-user";

/** "Sign out everywhere" for any user, by an administrator: every open session ends, audited. */
export async function endSessionsOfUser(options: { tx: TTx; actor: TAuditActor; id: string }): Promise<TSessionsEnded> {
  const { tx, actor, id } = options;
  if (!(await lockUser({ tx, id }))) throw notFound("The user");
  return endUserSessions({ tx, actor, userId: id, reason: "revoked", auditNone: true });
}
