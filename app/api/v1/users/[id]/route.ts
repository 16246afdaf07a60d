import { ZUpdateUser, ZUserIdParams } from "@/lib/contracts/users";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { updateUser } from "@/lib/server/users/update-user";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  PATCH: defineRoute({
    auth: "session",
    permission: "users:manage",
    params: ZUserIdParams,
    body: ZUpdateUser,
    audit: "user.updated",
    handler: ({ tx, actor, params, body }) => updateUser({ tx, actor, id: params.id, input: body }),
  }),
});
