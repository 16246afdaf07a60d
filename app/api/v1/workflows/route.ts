import { createWorkflowOperation, listWorkflowsOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createWorkflow } from "@/lib/server/registry/workflows/create-workflow";
import { listWorkflows } from "@/lib/server/registry/workflows/list-workflows";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listWorkflowsOperation, { handler: ({ who, query }) => listWorkflows({ user: who, query }) }),
  defineRoute(createWorkflowOperation, { handler: ({ tx, actor, who, body }) => createWorkflow({ tx, actor, user: who, input: body }) }),
);
