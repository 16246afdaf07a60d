import { listShadowWorkflowsOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { listShadowWorkflows } from "@/lib/server/registry/shadow/list-shadow-workflows";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listShadowWorkflowsOperation, { handler: ({ who }) => listShadowWorkflows({ user: who }) }),
);
