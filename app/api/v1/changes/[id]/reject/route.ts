import { rejectChangeRequestOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { rejectChangeRequest } from "@/lib/server/registry/changes/reject-change-request";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(rejectChangeRequestOperation, {
    handler: ({ params, body, who, tx, actor }) => rejectChangeRequest({ tx, actor, user: who, id: params.id, reason: body.reason }),
  }),
);
