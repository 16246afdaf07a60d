import { ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { getWorkflowReadiness } from "@/lib/server/registry/workflows/get-workflow-readiness";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "workflows:read",
    params: ZWorkflowIdParams,
    handler: ({ who, params }) => getWorkflowReadiness({ user: who, id: params.id }),
  }),
});
