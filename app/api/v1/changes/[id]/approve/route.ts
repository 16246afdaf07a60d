import { approveChangeRequestOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { approveChangeRequest } from "@/lib/server/registry/changes/approve-change-request";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(approveChangeRequestOperation, {
    handler: ({ params, body, who, tx, actor }) => approveChangeRequest({ tx, actor, user: who, id: params.id, reason: body.reason }),
  }),
);
