import "server-only";
import type { TAuditActor, TAuditEvent } from "@/lib/contracts/audit";
import type { SessionEndReason } from "../db/generated/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";

export type TSessionEndReason = Extract<TAuditEvent, { action: "auth.sessions.ended" }>["data"]["reason"];

const STORED: Record<TSessionEndReason, SessionEndReason> = {
  signed_out: "SIGNED_OUT",
  user_disabled: "USER_DISABLED",
  role_removed: "ROLE_REMOVED",
  revoked: "REVOKED",
  idle: "IDLE",
  expired: "EXPIRED",
};

/**
 * Ends a user's open sessions (or just `sessionId`) now, audited as auth.sessions.ended with how
 * many ended, in the caller's transaction: the next request on any of them is signed out. With
 * none open, the event is recorded only when `auditNone` asks (an explicit "sign out everywhere").
 */
export async function endUserSessions(options: {
  tx: TTx;
  actor: TAuditActor;
  userId: string;
  reason: TSessionEndReason;
  sessionId?: string;
  now?: Date;
  auditNone?: boolean;
}): Promise<{ sessions: number }> {
  const { tx, actor, userId, reason, sessionId } = options;
  const now = options.now ?? new Date();
  const { count } = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(sessionId ? { id: sessionId } : {}) },
    data: { endedAt: now, endReason: STORED[reason] },
  });
  if (count === 0 && !options.auditNone) return { sessions: 0 };
  await recordAuditEvent(tx, actor, {
    action: "auth.sessions.ended",
    target: { type: "user", id: userId },
    data: { reason, sessions: count },
  });
  return { sessions: count };
}
