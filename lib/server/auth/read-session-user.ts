import "server-only";
import type { TRole } from "@/lib/contracts/roles";
import { runAudited } from "../audit/run-audited";
import { db } from "../db/client";
import { env } from "../env";
import { endUserSessions } from "./end-user-sessions";
import { LAST_SEEN_RESOLUTION_MS } from "./session-lifetime";

export type TSessionUserRow = { id: string; email: string; name: string; roles: TRole[] };

type TRow = {
  user_id: string;
  email: string;
  name: string;
  roles: TRole[];
  disabled: boolean;
  ended_at: Date | null;
  expires_at: Date;
  last_seen_at: Date;
};

/**
 * The user behind a live session, read with the session in one query: null when the session was
 * ended, has expired (8 h), has been idle past AUTH_IDLE_MINUTES, or its user is disabled. An idle
 * or expired session found here is ended and audited; a live one has its "last seen" moved at most
 * once a minute.
 */
export async function readSessionUser(options: { sessionId: string; userId: string; now?: Date }): Promise<TSessionUserRow | null> {
  const { sessionId, userId } = options;
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<TRow[]>`
    SELECT u.id AS user_id, u.email, u.name, u.roles::text[] AS roles, u.disabled, s.ended_at, s.expires_at, s.last_seen_at
    FROM user_sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${sessionId} AND s.user_id = ${userId}::uuid`;
  const row = rows[0];
  if (!row || row.ended_at || row.disabled) return null;

  const idleSince = new Date(now.getTime() - env().AUTH_IDLE_MINUTES * 60_000);
  const gone = row.expires_at <= now ? "expired" : row.last_seen_at <= idleSince ? "idle" : null;
  if (gone) {
    await runAudited(db, (tx) =>
      endUserSessions({ tx, actor: { type: "system", id: null, label: "session timeout" }, userId, sessionId, reason: gone, now }),
    );
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // Conditional, so concurrent requests of one session write it once; an ended row stays ended.
    await db.$executeRaw`UPDATE user_sessions SET last_seen_at = ${now} WHERE id = ${sessionId} AND ended_at IS NULL AND last_seen_at < ${now}`;
  }
  return { id: row.user_id, email: row.email, name: row.name, roles: row.roles };
}
