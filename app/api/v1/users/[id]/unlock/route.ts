import { ZUserIdParams } from "@/lib/contracts/users";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { unlockUser } from "@/lib/server/users/unlock-user";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "users:manage",
    params: ZUserIdParams,
    audit: "user.unlocked",
    handler: ({ tx, actor, params }) => unlockUser({ tx, actor, id: params.id }),
  }),
});
