import { updateUserOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { updateUser } from "@/lib/server/users/update-user";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(updateUserOperation, { handler: ({ tx, actor, params, body }) => updateUser({ tx, actor, id: params.id, input: body }) }),
);
