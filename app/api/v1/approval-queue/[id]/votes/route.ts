import { voteOnApprovalOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { voteOnApproval } from "@/lib/server/approvals/vote-on-approval";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

// Separation of duties, break-glass and the request's state are checked in the domain, under a row lock.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(voteOnApprovalOperation, {
    handler: ({ params, body, who, tx, actor }) => voteOnApproval(tx, { actor, user: who, id: params.id, vote: body }),
  }),
);
