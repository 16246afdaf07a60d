import { changeWorkflowStatusOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { changeWorkflowStatus } from "@/lib/server/registry/workflows/change-workflow-status";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(changeWorkflowStatusOperation, {
    handler: ({ tx, actor, who, params, body }) => changeWorkflowStatus({ tx, actor, user: who, id: params.id, ...body }),
  }),
);
