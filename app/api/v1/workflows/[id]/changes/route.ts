import { listWorkflowChangeRequestsOperation, proposeWorkflowChangeOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { listWorkflowChangeRequests } from "@/lib/server/registry/changes/list-workflow-change-requests";
import { proposeWorkflowChange } from "@/lib/server/registry/changes/propose-workflow-change";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listWorkflowChangeRequestsOperation, {
    handler: ({ params, query, who }) => listWorkflowChangeRequests({ user: who, workflowId: params.id, query }),
  }),
  defineRoute(proposeWorkflowChangeOperation, {
    handler: ({ params, body, who, tx, actor }) => proposeWorkflowChange({ tx, actor, user: who, workflowId: params.id, edit: body }),
  }),
);
