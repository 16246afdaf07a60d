import { useMutation, useQueryClient } from "@tanstack/react-query";
import { revokeServiceTokenOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { ZTokenView, type TTokenView } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { tokenKeys } from "./keys";

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation<TTokenView, ApiError, { workflowId: string; tokenId: string }>({
    mutationFn: ({ workflowId, tokenId }) =>
      apiFetch(apiPath(revokeServiceTokenOperation, { id: workflowId, tokenId }), {
        method: revokeServiceTokenOperation.method,
        schema: ZTokenView,
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
