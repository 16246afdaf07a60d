import { ZPermissionEdit, ZWorkflowChangesQuery, ZWorkflowIdParams } from "@/lib/contracts/changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { listWorkflowChangeRequests } from "@/lib/server/registry/changes/list-workflow-change-requests";
import { proposeWorkflowChange } from "@/lib/server/registry/changes/propose-workflow-change";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "workflows:read",
    params: ZWorkflowIdParams,
    query: ZWorkflowChangesQuery,
    handler: ({ params, query, who }) => listWorkflowChangeRequests({ user: who, workflowId: params.id, query }),
  }),
  POST: defineRoute({
    auth: "session",
    permission: "workflows:edit",
    params: ZWorkflowIdParams,
    body: ZPermissionEdit,
    audit: "change_request.opened",
    status: 201,
    handler: ({ params, body, who, tx, actor }) => proposeWorkflowChange({ tx, actor, user: who, workflowId: params.id, edit: body }),
  }),
});
