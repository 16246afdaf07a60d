import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { endUserSessions } from "@/lib/server/auth/end-user-sessions";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "account:sessions",
    audit: "auth.sessions.ended",
    handler: ({ tx, actor, who }) => endUserSessions({ tx, actor, userId: who.id, reason: "revoked", auditNone: true }),
  }),
});
