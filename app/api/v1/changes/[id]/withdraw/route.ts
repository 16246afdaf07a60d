import { withdrawChangeRequestOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { withdrawChangeRequest } from "@/lib/server/registry/changes/withdraw-change-request";

// Only the requester may withdraw (checked in the domain); whoever could open a request can read workflows.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(withdrawChangeRequestOperation, {
    handler: ({ params, who, tx, actor }) => withdrawChangeRequest({ tx, actor, user: who, id: params.id }),
  }),
);
