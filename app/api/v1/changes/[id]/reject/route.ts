import { ZChangeDecision, ZChangeIdParams } from "@/lib/contracts/changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { rejectChangeRequest } from "@/lib/server/registry/changes/reject-change-request";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "changes:review",
    params: ZChangeIdParams,
    body: ZChangeDecision,
    audit: "change_request.rejected",
    handler: ({ params, body, who, tx, actor }) => rejectChangeRequest({ tx, actor, user: who, id: params.id, reason: body.reason }),
  }),
});
