import { createUserOperation, listUsersOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listUsersOperation, { handler: ({ query }) => listUsers({ search: query.search }) }),
  defineRoute(createUserOperation, { handler: ({ tx, actor, body }) => createUser({ tx, actor, input: body }) }),
);
