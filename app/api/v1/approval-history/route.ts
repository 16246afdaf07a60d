import { listApprovalHistoryOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { listApprovalHistory } from "@/lib/server/approvals/list-approval-history";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listApprovalHistoryOperation, { handler: ({ query }) => listApprovalHistory({ query }) }),
);
