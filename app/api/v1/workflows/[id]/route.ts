import { getWorkflowOperation, updateWorkflowOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getWorkflow } from "@/lib/server/registry/workflows/get-workflow";
import { updateWorkflow } from "@/lib/server/registry/workflows/update-workflow";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getWorkflowOperation, { handler: ({ who, params }) => getWorkflow({ user: who, id: params.id }) }),
  defineRoute(updateWorkflowOperation, {
    handler: ({ tx, actor, who, params, body }) => updateWorkflow({ tx, actor, user: who, id: params.id, input: body }),
  }),
);
