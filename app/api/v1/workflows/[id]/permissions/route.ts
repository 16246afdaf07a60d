import { ZPermissionEdit, ZWorkflowIdParams } from "@/lib/contracts/changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { applyWorkflowPermissions } from "@/lib/server/registry/permissions/apply-workflow-permissions";
import { readWorkflowPermissions } from "@/lib/server/registry/permissions/read-workflow-permissions";

// PUT applies to drafts only; an active or paused workflow's change is proposed with
// POST /workflows/{id}/changes, so each route records one audit action.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "workflows:read",
    params: ZWorkflowIdParams,
    handler: ({ params, who }) => readWorkflowPermissions({ user: who, workflowId: params.id }),
  }),
  PUT: defineRoute({
    auth: "session",
    permission: "workflows:edit",
    params: ZWorkflowIdParams,
    body: ZPermissionEdit,
    audit: "workflow.permissions.changed",
    handler: ({ params, body, who, tx, actor }) => applyWorkflowPermissions({ tx, actor, user: who, workflowId: params.id, edit: body }),
  }),
});
