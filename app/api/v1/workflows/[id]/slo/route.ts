import { updateWorkflowSloOperation } from "@/lib/contracts/api-catalog/scorecard-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { updateWorkflowSlo } from "@/lib/server/scorecard/update-workflow-slo";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(updateWorkflowSloOperation, {
    handler: ({ params, body, who, tx, actor }) => updateWorkflowSlo({ tx, actor, user: who, workflowId: params.id, input: body }),
  }),
);
