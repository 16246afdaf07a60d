import { ZUserIdParams } from "@/lib/contracts/users";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { endSessionsOfUser } from "@/lib/server/users/end-sessions-of-user";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "users:manage",
    params: ZUserIdParams,
    audit: "auth.sessions.ended",
    handler: ({ tx, actor, params }) => endSessionsOfUser({ tx, actor, id: params.id }),
  }),
});
