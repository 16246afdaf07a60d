import { listWorkflowDecisionsOperation } from "@/lib/contracts/api-catalog/run-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { listWorkflowDecisions } from "@/lib/server/runs/list-workflow-decisions";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listWorkflowDecisionsOperation, {
    handler: ({ who, params, query }) => listWorkflowDecisions({ user: who, workflowId: params.id, query }),
  }),
);
