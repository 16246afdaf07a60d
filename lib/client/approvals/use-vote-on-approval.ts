import { useMutation, useQueryClient } from "@tanstack/react-query";
import { voteOnApprovalOperation } from "@/lib/contracts/api-catalog/approval-operations";
import type { TApprovalVote } from "@/lib/contracts/approvals";
import { ZApprovalVoteOutcome, type TApprovalVoteOutcome } from "@/lib/contracts/approvals-console";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys } from "../query-keys";
import { approvalKeys } from "./keys";

/** A vote with its reason (and, for break-glass, an incident reference). */
export function useVoteOnApproval() {
  const queryClient = useQueryClient();
  return useMutation<TApprovalVoteOutcome, ApiError, { id: string; vote: TApprovalVote }>({
    mutationFn: ({ id, vote }) =>
      apiFetch(apiPath(voteOnApprovalOperation, { id }), {
        method: voteOnApprovalOperation.method,
        body: vote,
        schema: ZApprovalVoteOutcome,
      }),
    // On a refusal too: someone else may have decided first.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: approvalKeys.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]),
  });
}
