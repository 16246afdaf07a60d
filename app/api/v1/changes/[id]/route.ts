import { getChangeRequestOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getChangeRequest } from "@/lib/server/registry/changes/get-change-request";

// workflows:read, scoped in the query: changes:read sees every request, an owner their workflows' own.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getChangeRequestOperation, { handler: ({ params, who }) => getChangeRequest({ user: who, id: params.id }) }),
);
