import { endMySessionsOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { endUserSessions } from "@/lib/server/auth/end-user-sessions";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(endMySessionsOperation, {
    handler: ({ tx, actor, who }) => endUserSessions({ tx, actor, userId: who.id, reason: "revoked", auditNone: true }),
  }),
);
