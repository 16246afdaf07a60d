import { getWorkflowReadinessOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getWorkflowReadiness } from "@/lib/server/registry/workflows/get-workflow-readiness";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getWorkflowReadinessOperation, { handler: ({ who, params }) => getWorkflowReadiness({ user: who, id: params.id }) }),
);
