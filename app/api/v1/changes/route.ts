import { listChangeRequestsOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { listChangeRequests } from "@/lib/server/registry/changes/list-change-requests";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listChangeRequestsOperation, { handler: ({ query }) => listChangeRequests({ scope: {}, query }) }),
);
