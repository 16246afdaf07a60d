import { ZChangeWorkflowStatus, ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { changeWorkflowStatus } from "@/lib/server/registry/workflows/change-workflow-status";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "workflows:edit",
    params: ZWorkflowIdParams,
    body: ZChangeWorkflowStatus,
    audit: "workflow.status.changed",
    handler: ({ tx, actor, who, params, body }) => changeWorkflowStatus({ tx, actor, user: who, id: params.id, ...body }),
  }),
});
