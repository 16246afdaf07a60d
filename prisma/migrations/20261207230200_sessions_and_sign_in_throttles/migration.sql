-- Server-side sessions: the session JWT names a row here, so signing out, disabling a user,
-- removing a role or "sign out everywhere" ends the session at once.
CREATE TYPE "SessionEndReason" AS ENUM ('SIGNED_OUT', 'USER_DISABLED', 'ROLE_REMOVED', 'REVOKED', 'IDLE', 'EXPIRED');

CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" "SessionEndReason",

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "user_sessions_user_id_ended_at_idx" ON "user_sessions"("user_id", "ended_at");
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Failed sign-ins are counted per client address, per account and per account+address, for
-- unknown emails exactly as for registered ones; the per-user lockout columns go.
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);

ALTER TABLE "users" DROP COLUMN "failed_sign_ins",
DROP COLUMN "next_attempt_at",
DROP COLUMN "locked_until";
