import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZTokenView, type TTokenView } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { tokenKeys } from "./keys";

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation<TTokenView, ApiError, { workflowId: string; tokenId: string }>({
    mutationFn: ({ workflowId, tokenId }) =>
      apiFetch(`/api/v1/workflows/${encodeURIComponent(workflowId)}/tokens/${encodeURIComponent(tokenId)}/revoke`, { method: "POST", schema: ZTokenView }),
    onSettled: async (_data, _error, { workflowId }) => {
      // Readiness counts the workflow's valid tokens.
      await Promise.all([queryClient.invalidateQueries({ queryKey: tokenKeys.workflow(workflowId) }), invalidateWorkflow(queryClient, workflowId)]);
    },
  });
}
