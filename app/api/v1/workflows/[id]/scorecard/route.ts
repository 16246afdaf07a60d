import { getWorkflowScorecardOperation } from "@/lib/contracts/api-catalog/scorecard-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getWorkflowScorecard } from "@/lib/server/scorecard/get-workflow-scorecard";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getWorkflowScorecardOperation, {
    handler: ({ params, query, who, tx }) => getWorkflowScorecard({ db: tx, user: who, workflowId: params.id, window: query.window }),
  }),
);
