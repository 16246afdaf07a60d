import { listApprovalQueueOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { listApprovalQueue } from "@/lib/server/approvals/list-approval-queue";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

// Only what the signed-in person may decide: separation of duties is in the query.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listApprovalQueueOperation, { handler: ({ query, who }) => listApprovalQueue({ user: who, query }) }),
);
