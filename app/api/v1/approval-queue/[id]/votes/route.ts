import { ZApprovalVote } from "@/lib/contracts/approvals";
import { ZApprovalIdParams } from "@/lib/contracts/approvals-console";
import { voteOnApproval } from "@/lib/server/approvals/vote-on-approval";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

// Separation of duties, break-glass and the request's state are checked in the domain, under a row lock.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "approvals:decide",
    params: ZApprovalIdParams,
    body: ZApprovalVote,
    audit: "approval.voted",
    status: 201,
    handler: ({ params, body, who, tx, actor }) => voteOnApproval(tx, { actor, user: who, id: params.id, vote: body }),
  }),
});
