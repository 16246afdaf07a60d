import { getRunTimelineOperation } from "@/lib/contracts/api-catalog/run-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getRunTimeline } from "@/lib/server/runs/get-run-timeline";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getRunTimelineOperation, {
    handler: ({ who, params, query }) => getRunTimeline({ user: who, workflowId: params.id, runId: params.runId, query }),
  }),
);
