import { ZApprovalIdParams } from "@/lib/contracts/approvals-console";
import { getApprovalDetail } from "@/lib/server/approvals/get-approval-detail";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "approvals:read",
    params: ZApprovalIdParams,
    handler: ({ params, who }) => getApprovalDetail({ user: who, id: params.id }),
  }),
});
