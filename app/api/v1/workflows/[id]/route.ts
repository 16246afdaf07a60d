import { ZUpdateWorkflow, ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { getWorkflow } from "@/lib/server/registry/workflows/get-workflow";
import { updateWorkflow } from "@/lib/server/registry/workflows/update-workflow";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "workflows:read",
    params: ZWorkflowIdParams,
    handler: ({ who, params }) => getWorkflow({ user: who, id: params.id }),
  }),
  PATCH: defineRoute({
    auth: "session",
    permission: "workflows:edit",
    params: ZWorkflowIdParams,
    body: ZUpdateWorkflow,
    audit: "workflow.updated",
    handler: ({ tx, actor, who, params, body }) => updateWorkflow({ tx, actor, user: who, id: params.id, input: body }),
  }),
});
