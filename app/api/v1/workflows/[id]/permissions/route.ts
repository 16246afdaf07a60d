import { applyWorkflowPermissionsOperation, readWorkflowPermissionsOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { applyWorkflowPermissions } from "@/lib/server/registry/permissions/apply-workflow-permissions";
import { readWorkflowPermissions } from "@/lib/server/registry/permissions/read-workflow-permissions";

// PUT applies to drafts only; an active or paused workflow's change is proposed with
// POST /workflows/{id}/changes, so each route records one audit action.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(readWorkflowPermissionsOperation, {
    handler: ({ params, who }) => readWorkflowPermissions({ user: who, workflowId: params.id }),
  }),
  defineRoute(applyWorkflowPermissionsOperation, {
    handler: ({ params, body, who, tx, actor }) => applyWorkflowPermissions({ tx, actor, user: who, workflowId: params.id, edit: body }),
  }),
);
