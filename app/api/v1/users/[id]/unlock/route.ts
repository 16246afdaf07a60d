import { unlockUserOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { unlockUser } from "@/lib/server/users/unlock-user";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(unlockUserOperation, { handler: ({ tx, actor, params }) => unlockUser({ tx, actor, id: params.id }) }),
);
