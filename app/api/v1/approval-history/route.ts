import { ZApprovalHistoryQuery } from "@/lib/contracts/approvals-console";
import { listApprovalHistory } from "@/lib/server/approvals/list-approval-history";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "approvals:read",
    query: ZApprovalHistoryQuery,
    handler: ({ query }) => listApprovalHistory({ query }),
  }),
});
