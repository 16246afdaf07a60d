import { listWorkflowRunsOperation } from "@/lib/contracts/api-catalog/run-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { listWorkflowRuns } from "@/lib/server/runs/list-workflow-runs";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listWorkflowRunsOperation, {
    handler: ({ who, params, query }) => listWorkflowRuns({ user: who, workflowId: params.id, query }),
  }),
);
