import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZIssuedToken, type TIssuedToken, type TRotateToken } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { tokenKeys } from "./keys";

export function useRotateToken() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedToken, ApiError, { workflowId: string; tokenId: string; input: TRotateToken }>({
    mutationFn: ({ workflowId, tokenId, input }) =>
      apiFetch(`/api/v1/workflows/${encodeURIComponent(workflowId)}/tokens/${encodeURIComponent(tokenId)}/rotate`, {
        method: "POST",
        body: input,
        schema: ZIssuedToken,
      }),
    onSettled: async (_data, _error, { workflowId }) => {
      // Readiness counts the workflow's valid tokens.
      await Promise.all([queryClient.invalidateQueries({ queryKey: tokenKeys.workflow(workflowId) }), invalidateWorkflow(queryClient, workflowId)]);
    },
  });
}
