import { endUserSessionsOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { endSessionsOfUser } from "@/lib/server/users/end-sessions-of-user";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(endUserSessionsOperation, { handler: ({ tx, actor, params }) => endSessionsOfUser({ tx, actor, id: params.id }) }),
);
