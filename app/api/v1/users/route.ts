import { ZCreateUser, ZListUsersQuery } from "@/lib/contracts/users";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "users:read",
    query: ZListUsersQuery,
    handler: ({ query }) => listUsers({ search: query.search }),
  }),
  POST: defineRoute({
    auth: "session",
    permission: "users:manage",
    body: ZCreateUser,
    audit: "user.created",
    status: 201,
    handler: ({ tx, actor, body }) => createUser({ tx, actor, input: body }),
  }),
});
