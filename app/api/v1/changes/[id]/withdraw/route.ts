import { ZChangeIdParams } from "@/lib/contracts/changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { withdrawChangeRequest } from "@/lib/server/registry/changes/withdraw-change-request";

// Only the requester may withdraw (checked in the domain); whoever could open a request can read workflows.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "workflows:read",
    params: ZChangeIdParams,
    audit: "change_request.withdrawn",
    handler: ({ params, who, tx, actor }) => withdrawChangeRequest({ tx, actor, user: who, id: params.id }),
  }),
});
