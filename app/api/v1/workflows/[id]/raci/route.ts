import { ZReplaceRaci, ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { replaceRaci } from "@/lib/server/registry/workflows/replace-raci";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  PUT: defineRoute({
    auth: "session",
    permission: "workflows:edit",
    params: ZWorkflowIdParams,
    body: ZReplaceRaci,
    audit: "workflow.raci.changed",
    handler: ({ tx, actor, who, params, body }) =>
      replaceRaci({ tx, actor, user: who, id: params.id, assignments: body.assignments, expectedVersion: body.expectedVersion }),
  }),
});
