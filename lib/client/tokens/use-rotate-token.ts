import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rotateServiceTokenOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { ZIssuedToken, type TIssuedToken, type TRotateToken } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { tokenKeys } from "./keys";

export function useRotateToken() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedToken, ApiError, { workflowId: string; tokenId: string; input: TRotateToken }>({
    mutationFn: ({ workflowId, tokenId, input }) =>
      apiFetch(apiPath(rotateServiceTokenOperation, { id: workflowId, tokenId }), {
        method: rotateServiceTokenOperation.method,
        body: input,
        schema: ZIssuedToken,
      }),
    onSettled: async (_data, _error, { workflowId }) => {
      // Readiness counts the workflow's valid tokens.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: tokenKeys.workflow(workflowId) }),
        invalidateWorkflow(queryClient, workflowId),
      ]);
    },
  });
}
