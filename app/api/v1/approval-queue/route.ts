import { ZApprovalQueueQuery } from "@/lib/contracts/approvals-console";
import { listApprovalQueue } from "@/lib/server/approvals/list-approval-queue";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

// Only what the signed-in person may decide: separation of duties is in the query.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "approvals:read",
    query: ZApprovalQueueQuery,
    handler: ({ query, who }) => listApprovalQueue({ user: who, query }),
  }),
});
