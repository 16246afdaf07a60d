import { getApprovalDetailOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { getApprovalDetail } from "@/lib/server/approvals/get-approval-detail";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getApprovalDetailOperation, { handler: ({ params, who }) => getApprovalDetail({ user: who, id: params.id }) }),
);
